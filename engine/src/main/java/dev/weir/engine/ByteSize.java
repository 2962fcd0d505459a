package dev.weir.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as people write them: {@code 65536}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB},
 * {@code 2TiB} (binary units, any case, an optional space). One syntax for every size a user
 * types, in a DSN, on the command line or in a configuration file, and one way of showing one.
 */
public final class ByteSize {

  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,19}) ?(b|kib|mib|gib|tib)?", Pattern.CASE_INSENSITIVE);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteSize() {}

  /**
   * The byte count {@code text} names; anything else, or a count past {@code Long.MAX_VALUE}, is
   * an {@link InvalidArgumentException} naming {@code option}.
   */
  public static long parse(String option, String text) {
    Matcher m = text == null ? null : SIZE.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new InvalidArgumentException(
          option + " must be a size such as 65536, 512KiB, 64MiB or 1GiB, was '" + text + "'");
    }
    int shift = m.group(2) == null ? 0 : 10 * unitIndex(m.group(2));
    try {
      long n = Long.parseLong(m.group(1));
      if (n > Long.MAX_VALUE >> shift) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(option + " is too large: '" + text + "'");
    }
  }

  /**
   * {@link #parse} within {@code [min, max]}, or an {@link InvalidArgumentException} naming
   * {@code option} and its range.
   */
  public static long parse(String option, String text, long min, long max) {
    long n = parse(option, text);
    if (n < min || n > max) {
      throw new InvalidArgumentException(
          option + " must be from " + format(min) + " to " + format(max) + ", was " + format(n)
              + " ('" + text + "')");
    }
    return n;
  }

  /**
   * {@code bytes} in the largest unit that shows it exactly ({@code 64 MiB}, {@code 1536 KiB},
   * {@code 1000 B}), or {@code unlimited} for {@code Long.MAX_VALUE}.
   */
  public static String format(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "unlimited";
    }
    int unit = 0;
    long n = bytes;
    while (unit < UNITS.length - 1 && n != 0 && (n & 1023) == 0) {
      n >>= 10;
      unit++;
    }
    return n + " " + UNITS[unit];
  }

  private static int unitIndex(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].toLowerCase(Locale.ROOT).equals(u)) {
        return i;
      }
    }
    throw new IllegalStateException("unit " + unit); // the pattern admits only the units above
  }
}
