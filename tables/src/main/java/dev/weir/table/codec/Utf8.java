package dev.weir.table.codec;

/**
 * UTF-8 lengths without encoding, and the strict well-formedness check the JDK's decoder does
 * not make (it would turn stored garbage silently into U+FFFD instead of refusing it).
 */
final class Utf8 {
  private Utf8() {}

  /** The UTF-8 length of valid UTF-16 {@code s}; a surrogate pair is four bytes. */
  static long length(String s) {
    int n = s.length();
    long bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // a surrogate pair is four bytes for two chars: one more byte for each
        bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return bytes;
  }

  /** Whether the bytes are well-formed UTF-8 (Unicode's table 3-7: no overlongs, surrogates). */
  static boolean isWellFormed(byte[] a, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = a[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int continuations;
      int low = 0x80;
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        continuations = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        continuations = 2;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        continuations = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (end - i <= continuations) {
        return false;
      }
      int second = a[i + 1] & 0xFF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k <= continuations; k++) {
        int c = a[i + k] & 0xFF;
        if (c < 0x80 || c > 0xBF) {
          return false;
        }
      }
      i += continuations + 1;
    }
    return true;
  }
}
