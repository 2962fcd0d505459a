package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.Table;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteOptions;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A planned INSERT, UPDATE or DELETE bound to its parameters: the item or key, the update
 * expression and the write's options, ready to run on its own or as part of a transaction.
 *
 * <p>As DynamoDB's PartiQL: INSERT puts only if no item has the key ({@code
 * attribute_not_exists} of the partition key), UPDATE changes only an item that exists ({@code
 * attribute_exists}), and the WHERE's terms beyond the key are the write's condition.
 */
record WriteCall(Plan.Kind kind, String table, Item item, String update, WriteOptions options) {

  static WriteCall of(Planned plan, List<AttributeValue> parameters) {
    String table = plan.statement().target().table();
    ExpressionWriter w = new ExpressionWriter(parameters);
    String pk = w.name(plan.key().partitionKey().name());
    switch (plan.kind()) {
      case INSERT: {
        AttributeValue value = Values.of(((ParsedStatement.Insert) plan.statement()).value(),
            parameters);
        if (!(value instanceof AttributeValue.MapValue map)) {
          throw new ExpressionException("INSERT needs a map value, not " + value.type());
        }
        return new WriteCall(plan.kind(), table, Item.of(map.values()), null,
            options(w, "attribute_not_exists(" + pk + ")"));
      }
      case UPDATE: {
        Item key = KeyValues.key(plan, parameters);
        String update = update((ParsedStatement.Update) plan.statement(), w);
        String condition = "attribute_exists(" + pk + ")";
        if (plan.residual() != null) {
          condition += " AND (" + w.condition(plan.residual()) + ")";
        }
        return new WriteCall(plan.kind(), table, key, update, options(w, condition));
      }
      default: {
        Item key = KeyValues.key(plan, parameters);
        if (plan.residual() == null) {
          return new WriteCall(plan.kind(), table, key, null, WriteOptions.NONE);
        }
        // pk was named for nothing: a fresh writer keeps the placeholders exact
        ExpressionWriter c = new ExpressionWriter(parameters);
        return new WriteCall(plan.kind(), table, key, null,
            options(c, c.condition(plan.residual())));
      }
    }
  }

  private static String update(ParsedStatement.Update u, ExpressionWriter w) {
    StringBuilder s = new StringBuilder();
    for (ParsedStatement.Assignment a : u.assignments()) {
      s.append(s.length() == 0 ? "SET " : ", ")
          .append(w.path(a.path())).append(" = ").append(w.operand(a.value()));
    }
    for (int i = 0; i < u.removals().size(); i++) {
      s.append(i == 0 ? (s.length() == 0 ? "REMOVE " : " REMOVE ") : ", ")
          .append(w.path(u.removals().get(i)));
    }
    return s.toString();
  }

  private static WriteOptions options(ExpressionWriter w, String condition) {
    return WriteOptions.builder().condition(condition).names(w.names()).values(w.values()).build();
  }

  /** Runs the write on its own; completes empty. */
  Mono<Item> run(Table t) {
    switch (kind) {
      case INSERT:
        return t.putItem(item, options).onErrorMap(ConditionFailedException.class,
            e -> new DuplicateItemException("Duplicate primary key exists in table " + table));
      case UPDATE:
        return t.updateItem(item, update, options);
      default:
        return t.deleteItem(item, options);
    }
  }

  /** The write as one item of a transaction. */
  TransactWriteItem transactItem() {
    switch (kind) {
      case INSERT:
        return TransactWriteItem.put(table, item, options);
      case UPDATE:
        return TransactWriteItem.update(table, item, update, options);
      default:
        return TransactWriteItem.delete(table, item, options);
    }
  }
}
