package dev.weir.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/** DynamoDB's number rules: 38 significant digits, magnitude within [1E-130, 1E126). */
final class NumberRules {
  static final int MAX_DIGITS = 38;
  static final int MIN_EXPONENT = -130;
  static final int MAX_EXPONENT = 125;

  private NumberRules() {}

  static BigDecimal parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    if (t.isEmpty() || t.length() > 200) {
      throw new ItemValidationException("not a number: \"" + abbreviate(text) + "\"");
    }
    try {
      return normalize(new BigDecimal(t));
    } catch (NumberFormatException e) {
      throw new ItemValidationException("not a number: \"" + abbreviate(text) + "\"");
    }
  }

  static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ItemValidationException("a number must be finite, not " + d);
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof String s) {
      return parse(s);
    }
    throw new ItemValidationException(
        "not a number: " + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  static BigDecimal normalize(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (value.scale() == 0 && value.precision() <= MAX_DIGITS) {
      // already normal: an integer of at most 38 digits is within range and has no trailing
      // zeros to strip once its scale is 0 (stripping, then setting the scale back to 0, was a
      // tenth of decoding an item)
      return value;
    }
    BigDecimal d = value.stripTrailingZeros();
    if (d.precision() > MAX_DIGITS) {
      throw new ItemValidationException(
          "a number has at most " + MAX_DIGITS + " significant digits, not " + d.precision()
              + ": " + abbreviate(d.toString()));
    }
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
      throw new ItemValidationException(
          "a number's magnitude must be within 1E-130 and 1E+126: " + abbreviate(d.toString()));
    }
    if (d.scale() < 0) {
      // one representation per value: 1E+3 and 1000 are the same number, held as 1000
      d = d.setScale(0);
    }
    return d;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
