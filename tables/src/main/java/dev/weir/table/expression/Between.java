package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;

/**
 * {@code a BETWEEN low AND high}: true when all three are present, of one ordered type, and
 * {@code low <= a <= high}. Two {@code :value} bounds of different types, or in the wrong order,
 * are refused as DynamoDB refuses them; bounds read from the item only make it false.
 */
record Between(Operand subject, Operand lower, Operand upper) implements Condition {

  @Override
  public boolean evaluate(Item item, Placeholders placeholders) {
    AttributeValue value = subject.evaluate(item, placeholders);
    AttributeValue low = lower.evaluate(item, placeholders);
    AttributeValue high = upper.evaluate(item, placeholders);
    return ScalarOrder.comparable(value, low) && ScalarOrder.comparable(value, high)
        && ScalarOrder.compare(low, value) <= 0 && ScalarOrder.compare(value, high) <= 0;
  }

  @Override
  public void check(Placeholders placeholders) {
    subject.check(placeholders);
    lower.check(placeholders);
    upper.check(placeholders);
    subject.requireConstantType(placeholders, "BETWEEN", ScalarOrder::isOrdered);
    lower.requireConstantType(placeholders, "BETWEEN", ScalarOrder::isOrdered);
    upper.requireConstantType(placeholders, "BETWEEN", ScalarOrder::isOrdered);
    checkBounds(lower.constant(placeholders), upper.constant(placeholders),
        ExpressionKind.CONDITION);
  }

  /** Refuses two known bounds of different types or with the upper below the lower. */
  static void checkBounds(AttributeValue low, AttributeValue high, ExpressionKind kind) {
    if (low == null || high == null) {
      return;
    }
    if (low.type() != high.type()) {
      throw new ExpressionException(kind.invalid()
          + "The BETWEEN operator requires same data type for lower and upper bounds; "
          + "lower bound operand: AttributeValue: {" + low + "}, upper bound operand: "
          + "AttributeValue: {" + high + "}");
    }
    if (ScalarOrder.compare(low, high) > 0) {
      throw new ExpressionException(kind.invalid()
          + "The BETWEEN operator requires upper bound to be greater than or equal to lower "
          + "bound; lower bound operand: AttributeValue: {" + low + "}, upper bound operand: "
          + "AttributeValue: {" + high + "}");
    }
  }
}
