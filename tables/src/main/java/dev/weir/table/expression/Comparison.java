package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;

/**
 * {@code a = b}, {@code a <> b}, {@code a < b}, {@code a <= b}, {@code a > b}, {@code a >= b}.
 * Equality holds between equal values of any type. An absent operand equals nothing and differs
 * from everything, itself included ({@code x <> y} is true when both are absent, as DynamoDB
 * has it). The order operators hold only between two present values of one ordered type.
 */
record Comparison(TokenKind operator, Operand left, Operand right) implements Condition {

  @Override
  public boolean evaluate(Item item, Placeholders placeholders) {
    AttributeValue a = left.evaluate(item, placeholders);
    AttributeValue b = right.evaluate(item, placeholders);
    return switch (operator) {
      case EQ -> a != null && a.equals(b);
      case NE -> a == null || !a.equals(b);
      default -> ScalarOrder.comparable(a, b) && holds(ScalarOrder.compare(a, b));
    };
  }

  private boolean holds(int order) {
    return switch (operator) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      default -> throw new IllegalStateException("not an order operator: " + operator);
    };
  }

  @Override
  public void check(Placeholders placeholders) {
    left.check(placeholders);
    right.check(placeholders);
    if (operator != TokenKind.EQ && operator != TokenKind.NE) {
      String symbol = symbol(operator);
      left.requireConstantType(placeholders, symbol, ScalarOrder::isOrdered);
      right.requireConstantType(placeholders, symbol, ScalarOrder::isOrdered);
    }
  }

  static String symbol(TokenKind operator) {
    return switch (operator) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      default -> throw new IllegalArgumentException("not a comparator: " + operator);
    };
  }
}
