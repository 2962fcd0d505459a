package dev.weir.table.expression;

import dev.weir.table.Item;
import java.util.List;

/**
 * A parsed condition: a tree of AND, OR and NOT over comparisons and functions. AND and OR hold
 * all their operands in one list, so a long chain is evaluated in a loop, not by recursion.
 * Immutable, so one tree serves every thread.
 */
sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Comparison,
    Between, In, FunctionCondition {

  /** Whether {@code item} (never null: an absent item is an empty one) satisfies this. */
  boolean evaluate(Item item, Placeholders placeholders);

  /**
   * Refuses what {@code placeholders} cannot give this condition (an undefined placeholder, a
   * value of a type an operator cannot take) before anything is evaluated, so the refusal does
   * not depend on the item or on which branch short-circuits.
   */
  void check(Placeholders placeholders);

  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(Item item, Placeholders placeholders) {
      for (Condition c : operands) {
        if (!c.evaluate(item, placeholders)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void check(Placeholders placeholders) {
      operands.forEach(c -> c.check(placeholders));
    }
  }

  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(Item item, Placeholders placeholders) {
      for (Condition c : operands) {
        if (c.evaluate(item, placeholders)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void check(Placeholders placeholders) {
      operands.forEach(c -> c.check(placeholders));
    }
  }

  record Not(Condition operand) implements Condition {
    @Override
    public boolean evaluate(Item item, Placeholders placeholders) {
      return !operand.evaluate(item, placeholders);
    }

    @Override
    public void check(Placeholders placeholders) {
      operand.check(placeholders);
    }
  }
}
