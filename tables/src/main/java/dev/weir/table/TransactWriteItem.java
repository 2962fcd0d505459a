package dev.weir.table;

import dev.weir.table.expression.UpdateExpression;
import java.util.Objects;

/**
 * One part of a table transaction: a condition check, a put, an update or a delete, each on one
 * item and with an optional condition in its options. Immutable.
 */
public record TransactWriteItem(
    Kind kind,
    String table,
    Item item,
    String updateText,
    UpdateExpression update,
    WriteOptions options) {

  public enum Kind {
    CONDITION_CHECK,
    PUT,
    UPDATE,
    DELETE
  }

  public TransactWriteItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(item, "item");
    options = options == null ? WriteOptions.NONE : options;
    if (kind == Kind.CONDITION_CHECK && !options.hasCondition()) {
      throw new ExpressionException("a condition check needs a condition expression");
    }
    if (kind == Kind.UPDATE && updateText == null && update == null) {
      throw new ExpressionException("an update needs an update expression");
    }
  }

  /** Checks {@code options}' condition on the item with key {@code key}; writes nothing. */
  public static TransactWriteItem conditionCheck(String table, Item key, WriteOptions options) {
    return new TransactWriteItem(Kind.CONDITION_CHECK, table, key, null, null, options);
  }

  public static TransactWriteItem put(String table, Item item) {
    return put(table, item, WriteOptions.NONE);
  }

  public static TransactWriteItem put(String table, Item item, WriteOptions options) {
    return new TransactWriteItem(Kind.PUT, table, item, null, null, options);
  }

  public static TransactWriteItem update(
      String table, Item key, String updateExpression, WriteOptions options) {
    return new TransactWriteItem(Kind.UPDATE, table, key, updateExpression, null, options);
  }

  public static TransactWriteItem update(
      String table, Item key, UpdateExpression update, WriteOptions options) {
    return new TransactWriteItem(Kind.UPDATE, table, key, null, update, options);
  }

  public static TransactWriteItem delete(String table, Item key) {
    return delete(table, key, WriteOptions.NONE);
  }

  public static TransactWriteItem delete(String table, Item key, WriteOptions options) {
    return new TransactWriteItem(Kind.DELETE, table, key, null, null, options);
  }
}
