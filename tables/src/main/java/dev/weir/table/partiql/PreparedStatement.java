package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A statement parsed once, run many times with parameters. Each execution looks up the table's
 * schema, plans (a pure function of the parsed statement and the schema, so a table deleted
 * and created with another key is planned anew) and runs on the table store's public API.
 * Immutable and thread-safe; every execution is cold and reports failures as {@code onError}.
 *
 * <pre>{@code
 * PreparedStatement byKey = tables.prepare("SELECT * FROM users WHERE pk = ?");
 * byKey.execute(AttributeValue.string("user#1")).subscribe(...);
 * }</pre>
 */
public final class PreparedStatement {

  private final TableStore tables;
  private final String text;
  private final ParsedStatement parsed;
  // the last plan, with the schema it was made for; racing writers store equal plans
  private volatile Planned lastPlan;

  PreparedStatement(TableStore tables, String text, ParsedStatement parsed) {
    this.tables = tables;
    this.text = text;
    this.parsed = parsed;
  }

  public String text() {
    return text;
  }

  /** How many {@code ?} the statement has; each execution must give exactly that many values. */
  public int parameterCount() {
    return parsed.parameterCount();
  }

  /**
   * Runs the statement: a SELECT emits its items (projected), a write emits nothing. A wrong
   * number of parameters is an {@link ExpressionException}; nothing runs.
   */
  public Flux<Item> execute(List<AttributeValue> parameters) {
    return Flux.defer(() -> {
      List<AttributeValue> params = checked(parameters);
      return plan().flatMapMany(p -> Executions.run(tables, p, params));
    });
  }

  public Flux<Item> execute(AttributeValue... parameters) {
    return execute(Arrays.asList(parameters));
  }

  /**
   * One page of the statement's results (DynamoDB's ExecuteStatement): a SELECT evaluates at
   * most {@code options.limit()} items and at most 1 MB of them, from where {@code
   * options.nextToken()} says; the page's next token goes on from there. A write runs whole.
   */
  public Mono<StatementPage> execute(List<AttributeValue> parameters, ExecuteOptions options) {
    return Mono.defer(() -> {
      List<AttributeValue> params = checked(parameters);
      ExecuteOptions o = options == null ? ExecuteOptions.NONE : options;
      return plan().flatMap(p -> Pages.run(tables, p, params, o, text));
    });
  }

  /** How the statement would run now, against the table's current schema; runs nothing. */
  public Mono<Plan> explain() {
    return plan().map(Planned::describe);
  }

  Mono<Planned> plan() {
    return tables.tableSchema(parsed.target().table()).map(this::plan);
  }

  /**
   * The plan for {@code schema}: the last one made when the schema is that same object (a
   * catalog hands out one schema object per table until it changes), else made anew.
   */
  private Planned plan(TableSchema schema) {
    Planned last = lastPlan;
    if (last != null && last.schema() == schema) {
      return last;
    }
    Planned planned = Planner.plan(parsed, schema);
    lastPlan = planned;
    return planned;
  }

  /** The parameters, refused unless there is one non-null value per {@code ?}. */
  List<AttributeValue> checked(List<AttributeValue> parameters) {
    List<AttributeValue> params = parameters == null ? List.of() : parameters;
    if (params.size() != parsed.parameterCount()) {
      throw new ExpressionException("the statement has " + parsed.parameterCount()
          + " parameters, " + params.size() + " values were given");
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == null) {
        throw new ExpressionException("parameter " + (i + 1) + " is null; NULL is "
            + "AttributeValue.nullValue()");
      }
    }
    return params;
  }
}
