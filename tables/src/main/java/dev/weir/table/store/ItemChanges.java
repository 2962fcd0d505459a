package dev.weir.table.store;

import dev.weir.table.ConditionFailedException;
import dev.weir.table.Item;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.UpdateExpression;

/**
 * The {@link ItemChange}s of the four kinds of write, each behind its optional condition. The
 * same functions serve single writes, batches and transactions.
 */
final class ItemChanges {

  private ItemChanges() {}

  static ItemChange put(Item item, Guard guard) {
    return (current, now) -> {
      guard.check(current);
      return item;
    };
  }

  /** An update applies to the item, or to its bare key when absent: DynamoDB creates it. */
  static ItemChange update(Item key, UpdateExpression update, Placeholders placeholders,
      Guard guard) {
    return (current, now) -> {
      guard.check(current);
      return update.apply(current != null ? current : key, placeholders);
    };
  }

  static ItemChange delete(Guard guard) {
    return (current, now) -> {
      guard.check(current);
      return null;
    };
  }

  static ItemChange check(Guard guard) {
    return (current, now) -> {
      guard.check(current);
      return current;
    };
  }

  /** A write's condition: none, or an expression that must hold on the item as it is. */
  record Guard(ConditionExpression condition, Placeholders placeholders, boolean returnOld) {

    static final Guard NONE = new Guard(null, Placeholders.NONE, false);

    void check(Item current) {
      if (condition != null && !condition.test(current, placeholders)) {
        throw new ConditionFailedException(
            "the conditional request failed", returnOld ? current : null);
      }
    }
  }
}
