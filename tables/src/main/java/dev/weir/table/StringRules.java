package dev.weir.table;

import java.util.Comparator;

/** String checks and the code point order DynamoDB sorts strings by (UTF-8 bytes). */
public final class StringRules {
  public static final Comparator<String> CODE_POINT_ORDER = StringRules::compareCodePoints;

  private StringRules() {}

  public static void checkUtf16(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new ItemValidationException(what + " is not valid UTF-16: lone surrogate at " + i);
      }
      if (Character.isLowSurrogate(c)) {
        throw new ItemValidationException(what + " is not valid UTF-16: lone surrogate at " + i);
      }
    }
  }

  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
