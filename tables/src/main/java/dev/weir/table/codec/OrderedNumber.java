package dev.weir.table.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number in a key, written so that unsigned byte order is numeric order over DynamoDB's
 * whole range, and self-delimiting so a sort key may follow it.
 *
 * <pre>
 * zero      0x02
 * positive  0x03, E + 130, digits        E: the decimal exponent of d.ddd x 10^E
 * negative  0x01, then the positive form of its magnitude with every byte complemented
 * digits    each significant digit d as the nibble d + 1, then the nibble 0, padded with a
 *           0 nibble to a whole byte
 * </pre>
 *
 * <p>DynamoDB's exponents (-130 to 125) are exactly the 256 values of the exponent byte, so a
 * larger magnitude always has a larger or equal exponent byte; with equal exponents the digit
 * nibbles compare as the digits do, and a number whose digits are a prefix of another's ends
 * with the 0 nibble where the other has a digit (1 to 10), so it sorts first. Complementing
 * reverses all of this for negatives. Trailing zeros are never written, so one number has one
 * form ({@code 1} and {@code 1.0} are equal keys).
 */
final class OrderedNumber {
  private static final int NEGATIVE = 0x01;
  private static final int ZERO = 0x02;
  private static final int POSITIVE = 0x03;
  private static final int EXPONENT_BIAS = 130;
  private static final int MAX_DIGITS = 38;

  private OrderedNumber() {}

  static void write(ByteWriter out, BigDecimal value) {
    int sign = value.signum();
    if (sign == 0) {
      out.put(ZERO);
      return;
    }
    if (value.scale() == 0 && value.precision() <= 18) {
      // an integer within a long (every normalized integer has scale 0), as index keys of ages
      // and epoch seconds are: its digits without BigDecimal's strip, BigInteger and toString
      String digits = Long.toString(Math.abs(value.longValue()));
      int n = digits.length();
      while (digits.charAt(n - 1) == '0') {
        n--;
      }
      writeDigits(out, sign, digits.length() - 1, digits, n);
      return;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int n = digits.length();
    writeDigits(out, sign, n - 1 - stripped.scale(), digits, n);
  }

  /** The number of {@code sign} whose significant digits are {@code digits[0, n)}. */
  private static void writeDigits(ByteWriter out, int sign, int exponent, String digits, int n) {
    int flip = sign < 0 ? 0xFF : 0;
    out.put(sign < 0 ? NEGATIVE : POSITIVE);
    out.put((exponent + EXPONENT_BIAS) ^ flip);
    for (int i = 0; i <= n; i += 2) {
      int high = i < n ? digits.charAt(i) - '0' + 1 : 0;
      int low = i + 1 < n ? digits.charAt(i + 1) - '0' + 1 : 0;
      out.put(((high << 4) | low) ^ flip);
    }
  }

  static BigDecimal read(KeyReader in) {
    int marker = in.next();
    if (marker == ZERO) {
      return BigDecimal.ZERO;
    }
    if (marker != POSITIVE && marker != NEGATIVE) {
      throw in.fail(String.format("a number marker 0x%02x", marker));
    }
    int flip = marker == NEGATIVE ? 0xFF : 0;
    int exponent = (in.next() ^ flip) - EXPONENT_BIAS;
    char[] digits = new char[MAX_DIGITS + 1];
    int n = 0;
    while (true) {
      int b = in.next() ^ flip;
      int high = b >>> 4;
      int low = b & 0x0F;
      if (high == 0) {
        if (low != 0) {
          throw in.fail("a digit after a number's end");
        }
        break;
      }
      if (high > 10 || n == MAX_DIGITS) {
        throw in.fail("a number digit nibble " + high + " after " + n + " digits");
      }
      digits[n++] = (char) ('0' + high - 1);
      if (low == 0) {
        break;
      }
      if (low > 10 || n == MAX_DIGITS) {
        throw in.fail("a number digit nibble " + low + " after " + n + " digits");
      }
      digits[n++] = (char) ('0' + low - 1);
    }
    if (n == 0 || digits[0] == '0' || digits[n - 1] == '0') {
      throw in.fail("a number without significant digits or with a leading or trailing zero");
    }
    BigInteger unscaled = new BigInteger(new String(digits, 0, n));
    BigDecimal magnitude = new BigDecimal(unscaled, n - 1 - exponent);
    return marker == NEGATIVE ? magnitude.negate() : magnitude;
  }
}
