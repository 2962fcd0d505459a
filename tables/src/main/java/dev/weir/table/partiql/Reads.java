package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Query;
import dev.weir.table.ReadSpec;
import dev.weir.table.Scan;
import dev.weir.table.Table;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.ProjectionExpression;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;

/**
 * Runs a planned SELECT: a getItem, a query or a scan of the table's public API, the filter and
 * projection handed to the store where DynamoDB's rules allow, applied here otherwise.
 */
final class Reads {

  private Reads() {}

  static Flux<Item> run(Table table, Planned plan, List<AttributeValue> parameters) {
    if (plan.readsSeveralPartitions()) {
      return Flux.fromIterable(partitions(plan, parameters)).concatMap(v ->
          run(table, plan.withPartitionValue(new Expr.Literal(v)), parameters));
    }
    ParsedStatement.Select select = (ParsedStatement.Select) plan.statement();
    switch (plan.kind()) {
      case GET:
        Item key = KeyValues.key(plan, parameters);
        if (plan.residual() == null && select.projection().isEmpty()) {
          return table.getItem(key).flux();
        }
        return after(table.getItem(key).flux(), afterRead(plan, parameters));
      default:
        return read(table, plan, parameters);
    }
  }

  /** The distinct values of a {@code pk IN [...]}, in order, every one checked before any read. */
  static List<AttributeValue> partitions(Planned plan, List<AttributeValue> parameters) {
    Set<AttributeValue> values = new LinkedHashSet<>();
    for (Expr candidate : ((Expr.In) plan.partitionValue()).candidates()) {
      values.add(KeyValues.checked(plan.key().partitionKey(), candidate, parameters));
    }
    return List.copyOf(values);
  }

  private static Flux<Item> read(Table table, Planned plan, List<AttributeValue> parameters) {
    Request r = request(plan, parameters, ReadSpec.NO_LIMIT, null);
    Flux<Item> items = r.query() != null ? table.query(r.query()) : table.scan(r.scan());
    return r.after() == null ? items : after(items, r.after());
  }

  /**
   * What a QUERY or SCAN plan asks of the store: the query or the scan (the other null), at most
   * {@code limit} items evaluated, after {@code start} (null: from the start); and what is done
   * here to each item read, null when nothing is.
   */
  record Request(Query query, Scan scan, Function<Item, Optional<Item>> after) {}

  static Request request(Planned plan, List<AttributeValue> parameters, int limit,
      Item start) {
    ParsedStatement.Select select = (ParsedStatement.Select) plan.statement();
    ExpressionWriter w = new ExpressionWriter(parameters);
    if (plan.kind() != Plan.Kind.QUERY) {
      Scan.Builder s = Scan.builder().index(select.target().index()).exclusiveStartKey(start);
      if (limit != ReadSpec.NO_LIMIT) {
        s.limit(limit);
      }
      if (plan.residual() != null) {
        s.filter(w.condition(plan.residual()));
      }
      if (!select.projection().isEmpty()) {
        s.projection(w.projection(select.projection()));
      }
      return new Request(null, s.names(w.names()).values(w.values()).build(), null);
    }
    KeyValues.checked(plan.key().partitionKey(), plan.partitionValue(), parameters);
    String keyCondition = w.equality(plan.key().partitionKey().name(), plan.partitionValue());
    if (plan.sortCondition() != null) {
      KeyValues.checkSortCondition(plan.key().sortKey(), plan.sortCondition(), parameters);
      keyCondition += " AND " + w.condition(plan.sortCondition());
    }
    Query.Builder q = Query.builder().index(select.target().index()).keyCondition(keyCondition)
        .forward(!select.descending()).exclusiveStartKey(start);
    if (limit != ReadSpec.NO_LIMIT) {
      q.limit(limit);
    }
    if (plan.residualOnClient()) {
      Query query = q.names(w.names()).values(w.values()).build();
      return new Request(query, null, afterRead(plan, parameters));
    }
    if (plan.residual() != null) {
      q.filter(w.condition(plan.residual()));
    }
    if (!select.projection().isEmpty()) {
      q.projection(w.projection(select.projection()));
    }
    return new Request(q.names(w.names()).values(w.values()).build(), null, null);
  }

  private static Flux<Item> after(Flux<Item> read, Function<Item, Optional<Item>> after) {
    return read.concatMapIterable(item -> after.apply(item).map(List::of).orElse(List.of()));
  }

  /**
   * What is done here to each item read when the store cannot: the residual filter (empty when
   * it is false), then the projection. Expressions parsed once per execution, not per item.
   */
  static Function<Item, Optional<Item>> afterRead(Planned plan, List<AttributeValue> params) {
    Predicate<Item> filter = item -> true;
    if (plan.residual() != null) {
      ExpressionWriter w = new ExpressionWriter(params);
      filter = ConditionExpression.parse(w.condition(plan.residual())).bind(w.placeholders());
    }
    List<Expr.Path> paths = ((ParsedStatement.Select) plan.statement()).projection();
    Function<Item, Item> project = Function.identity();
    if (!paths.isEmpty()) {
      ExpressionWriter w = new ExpressionWriter(params);
      ProjectionExpression projection = ProjectionExpression.parse(w.projection(paths));
      project = item -> projection.apply(item, w.placeholders());
    }
    Predicate<Item> keep = filter;
    Function<Item, Item> shape = project;
    return item -> keep.test(item) ? Optional.of(shape.apply(item)) : Optional.empty();
  }
}
