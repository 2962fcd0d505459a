package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.List;

/** {@code a IN (b, c, ...)}: true when {@code a} is present and equal to one of the others. */
record In(Operand subject, List<Operand> candidates) implements Condition {

  In {
    candidates = List.copyOf(candidates);
  }

  @Override
  public boolean evaluate(Item item, Placeholders placeholders) {
    AttributeValue value = subject.evaluate(item, placeholders);
    if (value == null) {
      return false;
    }
    for (Operand candidate : candidates) {
      if (value.equals(candidate.evaluate(item, placeholders))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void check(Placeholders placeholders) {
    subject.check(placeholders);
    candidates.forEach(c -> c.check(placeholders));
  }
}
