package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.AttributeValue.BinaryValue;
import dev.weir.table.AttributeValue.NumberValue;
import dev.weir.table.AttributeValue.StringValue;
import dev.weir.table.StringRules;

/**
 * The order of the three types that have one, as DynamoDB compares them: numbers numerically,
 * strings by code point (their UTF-8 bytes), binaries as unsigned bytes. Values of any other
 * type, or of two different types, have no order between them.
 */
final class ScalarOrder {
  private ScalarOrder() {}

  static boolean isOrdered(AttributeValue value) {
    return value instanceof StringValue || value instanceof NumberValue
        || value instanceof BinaryValue;
  }

  /** Whether {@code a} and {@code b} are both present, of one ordered type. */
  static boolean comparable(AttributeValue a, AttributeValue b) {
    return a != null && b != null && isOrdered(a) && a.type() == b.type();
  }

  /** Compares two {@link #comparable} values. */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof NumberValue x) {
      return x.value().compareTo(((NumberValue) b).value());
    }
    if (a instanceof StringValue x) {
      return StringRules.compareCodePoints(x.value(), ((StringValue) b).value());
    }
    return ((BinaryValue) a).value().compareTo(((BinaryValue) b).value());
  }
}
