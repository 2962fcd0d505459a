package dev.weir.table.codec;

import static dev.weir.table.codec.ByteWriter.unzigzag;
import static dev.weir.table.codec.ByteWriter.varintSize;
import static dev.weir.table.codec.ByteWriter.zigzag;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number in an encoded item: one leading varint whose low bits say the form.
 *
 * <ul>
 *   <li>{@code ...0}: an integer, {@code zigzag(v) << 1}: 30 is one byte, epoch seconds five;
 *   <li>{@code ..01}: {@code zigzag(scale) << 2 | 1}, then {@code zigzag(unscaled)}: 1234.5 is
 *       four bytes, and 1700000000 (17 at scale -8) two;
 *   <li>{@code ..11}: as {@code ..01}, then the unscaled value's length and two's-complement
 *       bytes, for the few numbers beyond a long (at most 38 digits: 17 bytes).
 * </ul>
 *
 * <p>A BCD or base-100 form costs about as much for these numbers and more to convert; the
 * order-preserving form of keys is {@link OrderedNumber}'s, not this one.
 */
final class NumberCodec {
  private static final int MIN_SCALE = -200; // beyond DynamoDB's range either side: refused
  private static final int MAX_SCALE = 200;
  private static final int MAX_UNSCALED_BYTES = 17;

  private NumberCodec() {}

  static void write(ByteWriter out, BigDecimal value) {
    if (value.signum() == 0) {
      out.putVarint(0);
      return;
    }
    if (value.scale() == 0 && value.precision() <= 18) {
      long v = value.longValue();
      long integerForm = zigzag(v) << 1;
      if (v % 10 == 0) {
        long unscaled = v;
        int scale = 0;
        while (unscaled % 10 == 0) {
          unscaled /= 10;
          scale--;
        }
        long head = zigzag(scale) << 2 | 1;
        long tail = zigzag(unscaled);
        if (varintSize(head) + varintSize(tail) < varintSize(integerForm)) {
          out.putVarint(head);
          out.putVarint(tail);
          return;
        }
      }
      out.putVarint(integerForm);
      return;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    long head = zigzag(stripped.scale()) << 2;
    BigInteger unscaled = stripped.unscaledValue();
    if (unscaled.bitLength() < 63) {
      out.putVarint(head | 1);
      out.putVarint(zigzag(unscaled.longValue()));
    } else {
      byte[] twosComplement = unscaled.toByteArray();
      out.putVarint(head | 3);
      out.putVarint(twosComplement.length);
      out.put(twosComplement);
    }
  }

  /** The number as encoded; its range and digits are checked by the value it is made into. */
  static BigDecimal read(ByteReader in) {
    long head = in.readVarint();
    if ((head & 1) == 0) {
      return BigDecimal.valueOf(unzigzag(head >>> 1));
    }
    long scale = unzigzag(head >>> 2);
    if (scale < MIN_SCALE || scale > MAX_SCALE) {
      throw in.fail("a number's scale of " + scale);
    }
    if ((head & 2) == 0) {
      return BigDecimal.valueOf(unzigzag(in.readVarint()), (int) scale);
    }
    int length = in.readLength("a number");
    if (length == 0 || length > MAX_UNSCALED_BYTES) {
      throw in.fail("a number of " + length + " bytes");
    }
    return new BigDecimal(new BigInteger(in.readBytes(length)), (int) scale);
  }

  static void skip(ByteReader in) {
    long head = in.readVarint();
    if ((head & 1) == 0) {
      return;
    }
    if ((head & 2) == 0) {
      in.readVarint();
    } else {
      in.skip(in.readLength("a number"));
    }
  }
}
