package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.WriteOptions;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.UpdateExpression;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a caller's write into a {@link PlannedWrite}: checks the item or key against the table,
 * parses the expressions (once per distinct text), checks the placeholders, and picks the
 * change. Everything here fails before anything is read or written.
 */
final class WriteRequests {

  private final ParsedExpressions expressions;

  WriteRequests(ParsedExpressions expressions) {
    this.expressions = expressions;
  }

  PlannedWrite put(TableFormat table, Item item, WriteOptions options) {
    Bytes key = table.checkItem(item);
    return new PlannedWrite(table, key, table.keyOf(item),
        ItemChanges.put(item, guard(options, null)), item);
  }

  PlannedWrite update(TableFormat table, Item key, String text, UpdateExpression parsed,
      WriteOptions options) {
    Bytes engineKey = table.keyOnly(key);
    UpdateExpression update = expressions.update(text, parsed);
    ItemChanges.Guard guard = guard(options, update);
    // DynamoDB refuses from the expression alone, whatever the item, its values or the condition
    for (String name : update.updatedNames(options.placeholders())) {
      if (table.schema().key().isKeyAttribute(name)) {
        throw new ItemValidationException(
            "Cannot update attribute " + name + ". This attribute is part of the key");
      }
    }
    return new PlannedWrite(table, engineKey, key,
        ItemChanges.update(key, update, options.placeholders(), guard));
  }

  PlannedWrite delete(TableFormat table, Item key, WriteOptions options) {
    Bytes engineKey = table.keyOnly(key);
    return new PlannedWrite(table, engineKey, key, ItemChanges.delete(guard(options, null)));
  }

  PlannedWrite check(TableFormat table, Item key, WriteOptions options) {
    Bytes engineKey = table.keyOnly(key);
    return new PlannedWrite(table, engineKey, key, ItemChanges.check(guard(options, null)));
  }

  /** The condition of {@code options}, parsed, with the request's placeholders checked. */
  private ItemChanges.Guard guard(WriteOptions options, UpdateExpression update) {
    ConditionExpression condition =
        expressions.condition(options.conditionText(), options.condition());
    if (condition == null && update == null && !options.returnOldOnConditionFailure()) {
      ParsedExpressions.checkPlaceholders(options.placeholders(), Set.of(), Set.of());
      return ItemChanges.Guard.NONE;
    }
    Set<String> names = new HashSet<>();
    Set<String> values = new HashSet<>();
    if (condition != null) {
      names.addAll(condition.namePlaceholders());
      values.addAll(condition.valuePlaceholders());
    }
    if (update != null) {
      names.addAll(update.namePlaceholders());
      values.addAll(update.valuePlaceholders());
    }
    ParsedExpressions.checkPlaceholders(options.placeholders(), names, values);
    return condition == null && !options.returnOldOnConditionFailure()
        ? ItemChanges.Guard.NONE
        : new ItemChanges.Guard(condition, options.placeholders(),
            options.returnOldOnConditionFailure());
  }
}
