package dev.weir.reactive.object;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** ETags and CRC32C as S3 computes them, including the multipart forms. */
final class Digests {

  /** CRC32C's reflected polynomial (Castagnoli). */
  private static final int POLY = 0x82F63B78;

  private Digests() {}

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** S3's multipart ETag: the MD5 of the parts' binary MD5s concatenated, then "-N". */
  static String multipartEtag(List<PartRecord> parts) {
    MessageDigest md = md5();
    for (PartRecord p : parts) {
      md.update(p.md5());
    }
    return hex(md.digest()) + "-" + parts.size();
  }

  /** An ETag as a caller may write it: surrounding quotes dropped, case ignored. */
  static String normalizeEtag(String etag) {
    String e = etag.trim();
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      e = e.substring(1, e.length() - 1);
    }
    return e.toLowerCase(Locale.ROOT);
  }

  /**
   * The CRC32C of {@code a} followed by {@code b}, from their CRCs and {@code b}'s length, in
   * O(log length) without the bytes (zlib's {@code crc32_combine}, with CRC32C's polynomial).
   * Completion combines the parts' CRCs this way, so its cost stays independent of part size.
   */
  static int combineCrc32c(int crcA, int crcB, long lengthB) {
    if (lengthB <= 0) {
      return crcA;
    }
    int[] even = new int[32];
    int[] odd = new int[32];
    odd[0] = POLY;
    int row = 1;
    for (int n = 1; n < 32; n++) {
      odd[n] = row;
      row <<= 1;
    }
    square(even, odd);
    square(odd, even);
    int crc = crcA;
    long len = lengthB;
    do {
      square(even, odd);
      if ((len & 1) != 0) {
        crc = times(even, crc);
      }
      len >>>= 1;
      if (len == 0) {
        break;
      }
      square(odd, even);
      if ((len & 1) != 0) {
        crc = times(odd, crc);
      }
      len >>>= 1;
    } while (len != 0);
    return crc ^ crcB;
  }

  private static int times(int[] mat, int vec) {
    int sum = 0;
    for (int i = 0; vec != 0; i++, vec >>>= 1) {
      if ((vec & 1) != 0) {
        sum ^= mat[i];
      }
    }
    return sum;
  }

  private static void square(int[] square, int[] mat) {
    for (int n = 0; n < 32; n++) {
      square[n] = times(mat, mat[n]);
    }
  }
}
