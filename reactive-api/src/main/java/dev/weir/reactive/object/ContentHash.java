package dev.weir.reactive.object;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.security.MessageDigest;
import java.util.zip.CRC32C;

/**
 * The digests of one content, fed as its bytes are copied in: the CRC32C and, when the ETag is
 * a content hash ({@link EtagAlgorithm}), that 128-bit hash. Not thread-safe; one per streamed
 * content.
 */
final class ContentHash {

  /** The ETag hash, as a stream. */
  private interface Stream {
    void update(byte[] b, int off, int len);

    byte[] digest();
  }

  /** Hash and CRC alternate over slices this small, so the second pass reads from L1/L2. */
  private static final int SLICE = 64 * 1024;

  /** Null when the ETag is not a hash of the content. */
  private final Stream hash;
  private final CRC32C crc = new CRC32C();

  ContentHash(EtagAlgorithm algorithm) {
    this.hash = switch (algorithm) {
      case VERSION -> null;
      case METRO_128 -> new Metro();
      case MD5 -> new Md5();
    };
  }

  void update(byte[] b, int off, int len) {
    for (int end = off + len; off < end; off += SLICE) {
      int n = Math.min(SLICE, end - off);
      crc.update(b, off, n);
      if (hash != null) {
        hash.update(b, off, n);
      }
    }
  }

  /**
   * The 16 bytes of the ETag: the content hash, or, for {@link EtagAlgorithm#VERSION}, those of
   * {@code blobId} (128 random bits that name this content alone). Call once, at the end.
   */
  byte[] digest(String blobId) {
    return hash == null ? Digests.unhex(blobId) : hash.digest();
  }

  int crc32c() {
    return (int) crc.getValue();
  }

  private static final class Md5 implements Stream {
    private final MessageDigest md5 = Digests.md5();

    @Override
    public void update(byte[] b, int off, int len) {
      md5.update(b, off, len);
    }

    @Override
    public byte[] digest() {
      return md5.digest();
    }
  }

  private static final class Metro implements Stream {
    private final HashStream128 metro = Hashing.metroHash128().hashStream();

    @Override
    public void update(byte[] b, int off, int len) {
      metro.putBytes(b, off, len);
    }

    /**
     * As the reference implementation writes it: its two 64-bit words little-endian, the first
     * (hash4j's low half) first.
     */
    @Override
    public byte[] digest() {
      HashValue128 v = metro.get();
      byte[] out = new byte[16];
      for (int i = 0; i < 8; i++) {
        out[i] = (byte) (v.getLeastSignificantBits() >>> (8 * i));
        out[8 + i] = (byte) (v.getMostSignificantBits() >>> (8 * i));
      }
      return out;
    }
  }
}
