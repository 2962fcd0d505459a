package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import java.util.Objects;

/**
 * A key condition's test on the sort key: {@code op} against {@code value}, and for
 * {@link Op#BETWEEN} also {@code upperOrNull} (inclusive bounds, lower first).
 */
public record SortCondition(Op op, AttributeValue value, AttributeValue upperOrNull) {

  /** The operators a key condition allows on the sort key. */
  public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

  public SortCondition {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
    if ((op == Op.BETWEEN) != (upperOrNull != null)) {
      throw new IllegalArgumentException("an upper bound belongs to BETWEEN, and only to it");
    }
  }

  /**
   * Whether a sort key holding {@code sortKey} satisfies this condition; false for an absent key
   * or one of another type than the condition's value.
   */
  public boolean test(AttributeValue sortKey) {
    if (op == Op.BEGINS_WITH) {
      return FunctionCondition.beginsWith(sortKey, value);
    }
    if (!ScalarOrder.comparable(sortKey, value)) {
      return false;
    }
    int order = ScalarOrder.compare(sortKey, value);
    return switch (op) {
      case EQ -> order == 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case BETWEEN -> order >= 0 && ScalarOrder.comparable(sortKey, upperOrNull)
          && ScalarOrder.compare(sortKey, upperOrNull) <= 0;
      case BEGINS_WITH -> throw new IllegalStateException("handled above");
    };
  }
}
