package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.weir.engine.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  /** The blob id the tests' version ETags name. */
  static final String BLOB_ID = "00112233445566778899aabbccddeeff";

  /**
   * The hex ETag of {@code data} in a blob named {@link #BLOB_ID}, computed in one call rather
   * than streamed.
   */
  static String hexOf(EtagAlgorithm etag, byte[] data) {
    if (etag == EtagAlgorithm.VERSION) {
      return BLOB_ID;
    }
    if (etag == EtagAlgorithm.MD5) {
      MessageDigest md5 = Digests.md5();
      return Digests.hex(md5.digest(data));
    }
    HashValue128 v = Hashing.metroHash128().hashBytesTo128Bits(data);
    return String.format("%016x%016x", Long.reverseBytes(v.getLeastSignificantBits()),
        Long.reverseBytes(v.getMostSignificantBits()));
  }

  static int crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return (int) c.getValue();
  }

  private static String streamed(EtagAlgorithm etag, byte[] data, int piece) {
    ContentHash h = new ContentHash(etag);
    for (int at = 0; at < data.length; at += piece) {
      h.update(data, at, Math.min(piece, data.length - at));
    }
    return Digests.hex(h.digest(BLOB_ID));
  }

  @Test
  void metroEtagsAreTheBytesOfTheReferenceImplementation() {
    // MetroHash128's own test vector (test_string, seed 0), fed in pieces of 1 and of 10.
    byte[] test = "012345678901234567890123456789012345678901234567890123456789012"
        .getBytes(StandardCharsets.US_ASCII);
    assertEquals("c77ce2bfa4ed9f9b0548b2ac5074a297", streamed(EtagAlgorithm.METRO_128, test, 1));
    assertEquals("c77ce2bfa4ed9f9b0548b2ac5074a297", streamed(EtagAlgorithm.METRO_128, test, 10));
  }

  @Test
  void versionEtagsNameTheBlobAndReadNoByte() {
    assertEquals(BLOB_ID, streamed(EtagAlgorithm.VERSION, new byte[] {1, 2, 3}, 1));
    assertEquals(BLOB_ID, streamed(EtagAlgorithm.VERSION, new byte[0], 1));
    assertFalse(EtagAlgorithm.VERSION.isContentHash());
    assertTrue(EtagAlgorithm.METRO_128.isContentHash());
    assertTrue(EtagAlgorithm.MD5.isContentHash());
  }

  @Test
  void md5EtagsAreTheMd5OfTheContent() {
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", streamed(EtagAlgorithm.MD5, new byte[0], 1));
  }

  @Test
  void howTheContentIsFedChangesNeitherHashNorCrc() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    for (EtagAlgorithm etag : EtagAlgorithm.values()) {
      byte[] data = new byte[200_000 + r.nextInt(100_000)];
      r.nextBytes(data);
      String whole = hexOf(etag, data);
      for (int piece : new int[] {1 + r.nextInt(100), 4096, 65_536 + r.nextInt(1000), 300_000}) {
        assertEquals(whole, streamed(etag, data, piece), etag + " seed=" + seed);
      }
      ContentHash h = new ContentHash(etag);
      h.update(data, 0, data.length);
      assertEquals(crc32c(data), h.crc32c());
      data[r.nextInt(data.length)] ^= 1;
      if (etag.isContentHash()) {
        assertNotEquals(whole, hexOf(etag, data), etag + " seed=" + seed);
      }
    }
  }

  @Test
  void algorithmsAreNamedAsInADsnAndOthersAreRefused() {
    assertEquals(EtagAlgorithm.VERSION, EtagAlgorithm.of("version"));
    assertEquals(EtagAlgorithm.MD5, EtagAlgorithm.of("md5"));
    assertEquals(EtagAlgorithm.METRO_128, EtagAlgorithm.of("metrohash128"));
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> EtagAlgorithm.of("sha1"));
    assertEquals("etag must be one of version, metrohash128, md5, was 'sha1'", e.getMessage());
  }
}
