package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.ReturnValues;
import dev.weir.table.Table;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A planned INSERT, UPDATE, DELETE or EXISTS bound to its parameters: the item or key, the
 * update expression and the write's options, ready to run on its own or as part of a
 * transaction.
 *
 * <p>As DynamoDB's PartiQL: INSERT puts only if no item has the key ({@code
 * attribute_not_exists} of the partition key), UPDATE changes only an item that exists ({@code
 * attribute_exists}), EXISTS checks that the item exists, and the WHERE's terms beyond the key
 * are the write's (or the check's) condition. {@code SET s = set_add(s, <<...>>)} is the update
 * action {@code ADD s :v}, {@code set_delete} the action {@code DELETE s :v}; RETURNING is the
 * write's ReturnValues.
 */
record WriteCall(Plan.Kind kind, String table, Item item, String update, WriteOptions options) {

  static final String SET_ADD = "set_add";
  static final String SET_DELETE = "set_delete";

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
            options(w, "attribute_not_exists(" + pk + ")", ReturnValues.NONE));
      }
      case UPDATE: {
        Item key = KeyValues.key(plan, parameters);
        ParsedStatement.Update u = (ParsedStatement.Update) plan.statement();
        String update = update(u, w, parameters);
        return new WriteCall(plan.kind(), table, key, update,
            options(w, existsAnd(pk, plan, w), u.returning()));
      }
      case CHECK:
        return new WriteCall(plan.kind(), table, KeyValues.key(plan, parameters), null,
            options(w, existsAnd(pk, plan, w), ReturnValues.NONE));
      default: {
        Item key = KeyValues.key(plan, parameters);
        ReturnValues returning = ((ParsedStatement.Delete) plan.statement()).returning();
        if (plan.residual() == null) {
          return new WriteCall(plan.kind(), table, key, null,
              returning == ReturnValues.NONE ? WriteOptions.NONE
                  : WriteOptions.builder().returnValues(returning).build());
        }
        // pk was named for nothing: a fresh writer keeps the placeholders exact
        ExpressionWriter c = new ExpressionWriter(parameters);
        return new WriteCall(plan.kind(), table, key, null,
            options(c, c.condition(plan.residual()), returning));
      }
    }
  }

  /** {@code attribute_exists(pk)}, and the WHERE's other terms when there are any. */
  private static String existsAnd(String pk, Planned plan, ExpressionWriter w) {
    String condition = "attribute_exists(" + pk + ")";
    if (plan.residual() != null) {
      condition += " AND (" + w.condition(plan.residual()) + ")";
    }
    return condition;
  }

  /**
   * The update expression: the SET assignments (but {@code set_add} and {@code set_delete},
   * which are ADD and DELETE actions), then REMOVE, ADD, DELETE, each clause once.
   */
  private static String update(ParsedStatement.Update u, ExpressionWriter w,
      List<AttributeValue> parameters) {
    List<String> set = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    for (ParsedStatement.Assignment a : u.assignments()) {
      String path = w.path(a.path());
      if (a.value() instanceof Expr.Call call && isSetFunction(call.function())) {
        (call.function().equals(SET_ADD) ? add : delete)
            .add(path + " " + setOperand(a.path(), call, w, parameters));
      } else {
        set.add(path + " = " + w.operand(a.value()));
      }
    }
    List<String> remove = new ArrayList<>();
    u.removals().forEach(p -> remove.add(w.path(p)));
    StringBuilder s = new StringBuilder();
    clause(s, "SET", set);
    clause(s, "REMOVE", remove);
    clause(s, "ADD", add);
    clause(s, "DELETE", delete);
    return s.toString();
  }

  static boolean isSetFunction(String function) {
    return function.equals(SET_ADD) || function.equals(SET_DELETE);
  }

  /**
   * The set {@code set_add(path, set)} or {@code set_delete(path, set)} adds or takes away: the
   * function reads the attribute it is assigned to, and its second argument is a set value.
   */
  private static String setOperand(Expr.Path target, Expr.Call call, ExpressionWriter w,
      List<AttributeValue> parameters) {
    String usage = call.function() + " is used as SET s = " + call.function() + "(s, <<...>>)";
    if (call.arguments().size() != 2 || !target.equals(call.arguments().get(0))) {
      throw new ExpressionException(usage + ", on the attribute it is assigned to: " + target
          + " = " + call);
    }
    Expr members = call.arguments().get(1);
    if (!Expr.isConstant(members)) {
      throw new ExpressionException(usage + "; its second argument is a set value: " + call);
    }
    AttributeValue set = Values.of(members, parameters);
    if (!set.type().isSet()) {
      throw new ExpressionException(usage + "; its second argument is a set (<<...>>), not "
          + set.type() + ": " + call);
    }
    return w.value(set);
  }

  private static void clause(StringBuilder s, String keyword, List<String> actions) {
    if (!actions.isEmpty()) {
      s.append(s.length() == 0 ? "" : " ").append(keyword).append(' ')
          .append(String.join(", ", actions));
    }
  }

  private static WriteOptions options(ExpressionWriter w, String condition,
      ReturnValues returning) {
    return WriteOptions.builder().condition(condition).names(w.names()).values(w.values())
        .returnValues(returning).build();
  }

  /** Runs the write on its own; emits what its RETURNING asks for, else completes empty. */
  Mono<Item> run(Table t) {
    switch (kind) {
      case INSERT:
        return t.putItem(item, options).onErrorMap(ConditionFailedException.class,
            e -> duplicate(table));
      case UPDATE:
        return t.updateItem(item, update, options);
      default:
        return t.deleteItem(item, options);
    }
  }

  static DuplicateItemException duplicate(String table) {
    return new DuplicateItemException("Duplicate primary key exists in table " + table);
  }

  /** The write as one item of a transaction. */
  TransactWriteItem transactItem() {
    switch (kind) {
      case INSERT:
        return TransactWriteItem.put(table, item, options);
      case UPDATE:
        return TransactWriteItem.update(table, item, update, options);
      case CHECK:
        return TransactWriteItem.conditionCheck(table, item, options);
      default:
        return TransactWriteItem.delete(table, item, options);
    }
  }
}
