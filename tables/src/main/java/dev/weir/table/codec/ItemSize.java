package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * An item's size as DynamoDB counts it ("DynamoDB item sizes and formats"), the size its 400 KB
 * limit bounds, whatever Weir's own encoding takes:
 *
 * <ul>
 *   <li>each attribute: its name's UTF-8 bytes plus its value's size;
 *   <li>a string: its UTF-8 bytes; a binary: its bytes;
 *   <li>a number: one byte per two significant digits, rounded up, plus one (leading and
 *       trailing zeros do not count; zero, with none, is one byte);
 *   <li>a boolean or null: one byte;
 *   <li>a list or map: three bytes, plus for each element its size and one byte (and, in a map,
 *       its key's UTF-8 bytes);
 *   <li>a set: the sum of its members' sizes.
 * </ul>
 */
public final class ItemSize {
  /** DynamoDB's largest item, 400 KB (of 1,024 bytes). */
  public static final int MAX_ITEM_SIZE = 400 * 1024;

  private static final int CONTAINER_OVERHEAD = 3;
  private static final int ELEMENT_OVERHEAD = 1;

  private ItemSize() {}

  /** The item's size; {@link Integer#MAX_VALUE} for the (absurd) items larger than that. */
  public static int of(Item item) {
    Objects.requireNonNull(item, "item");
    return saturated(attributes(item.attributes(), 0));
  }

  /** The size of one value, without a name; saturated as {@link #of(Item)}. */
  /** The UTF-8 length of valid UTF-16 {@code s}, counted without encoding it. */
  public static long utf8Length(String s) {
    return Utf8.length(s);
  }

  public static int of(AttributeValue value) {
    Objects.requireNonNull(value, "value");
    return saturated(value(value));
  }

  private static long value(AttributeValue value) {
    switch (value.type()) {
      case S:
        return Utf8.length(((AttributeValue.StringValue) value).value());
      case N:
        return number(((AttributeValue.NumberValue) value).value());
      case B:
        return ((AttributeValue.BinaryValue) value).value().length();
      case BOOL:
      case NULL:
        return 1;
      case L: {
        long size = CONTAINER_OVERHEAD;
        for (AttributeValue member : ((AttributeValue.ListValue) value).values()) {
          size += value(member) + ELEMENT_OVERHEAD;
        }
        return size;
      }
      case M:
        return attributes(((AttributeValue.MapValue) value).values(), ELEMENT_OVERHEAD)
            + CONTAINER_OVERHEAD;
      case SS: {
        long size = 0;
        for (String member : ((AttributeValue.StringSetValue) value).members()) {
          size += Utf8.length(member);
        }
        return size;
      }
      case NS: {
        long size = 0;
        for (BigDecimal member : ((AttributeValue.NumberSetValue) value).members()) {
          size += number(member);
        }
        return size;
      }
      case BS: {
        long size = 0;
        for (Bytes member : ((AttributeValue.BinarySetValue) value).members()) {
          size += member.length();
        }
        return size;
      }
      default:
        throw new IllegalStateException("no size for " + value.type());
    }
  }

  private static long attributes(Map<String, AttributeValue> attributes, int overheadEach) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      size += Utf8.length(e.getKey()) + value(e.getValue()) + overheadEach;
    }
    return size;
  }

  private static int saturated(long size) {
    return (int) Math.min(size, Integer.MAX_VALUE);
  }

  private static int number(BigDecimal value) {
    if (value.signum() == 0) {
      return 1;
    }
    int digits = value.stripTrailingZeros().precision();
    return (digits + 1) / 2 + 1;
  }
}
