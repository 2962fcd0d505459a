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
   * The CRC32C of {@code a} followed by {@code b}, from their CRCs and {@code b}'s length,
   * without the bytes: zlib's {@code crc32_combine} (since 1.2.12) with CRC32C's polynomial.
   * {@code a}'s CRC is multiplied by x^(8 * lengthB) modulo the polynomial, that power built
   * from a table of x^(2^k): a few dozen 32-bit carry-less products, whatever the length.
   * Completion combines the parts' CRCs this way, so its cost stays independent of part size.
   * (zlib's older matrix-squaring method, used here before, cost ~20 us a part and grew with
   * the log of its size: a 100-part completion spent milliseconds in it.)
   */
  static int combineCrc32c(int crcA, int crcB, long lengthB) {
    if (lengthB <= 0) {
      return crcA;
    }
    return multModP(xToThe8n(lengthB), crcA) ^ crcB;
  }

  /**
   * x^(2^k) modulo the polynomial, reflected, for every k a length in bytes can need (zlib
   * keeps 32 and wraps k, which holds only for an irreducible polynomial).
   */
  private static final int[] X_TO_2_TO_K = new int[67];

  static {
    int p = 1 << 30; // x^1, reflected
    X_TO_2_TO_K[0] = p;
    for (int k = 1; k < X_TO_2_TO_K.length; k++) {
      p = multModP(p, p);
      X_TO_2_TO_K[k] = p;
    }
  }

  /** a(x) * b(x) modulo the polynomial, both reflected; {@code a} must not be zero. */
  private static int multModP(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    while (true) {
      if ((a & m) != 0) {
        p ^= b;
        if ((a & (m - 1)) == 0) {
          return p;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
  }

  /** x^(8n) modulo the polynomial, reflected: the shift of a CRC past n bytes. */
  private static int xToThe8n(long n) {
    int p = 1 << 31; // x^0
    int k = 3; // 8n = n * 2^3
    for (long rest = n; rest != 0; rest >>>= 1, k++) {
      if ((rest & 1) != 0) {
        p = multModP(X_TO_2_TO_K[k], p);
      }
    }
    return p;
  }
}
