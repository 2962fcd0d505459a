package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.TableStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PartiQL over any {@link TableStore}, DynamoDB's dialect, built on the store's public API only
 * (so an event-bus client gets it too). {@link TableStore}'s {@code execute}, {@code prepare},
 * {@code executeTransaction}, {@code batchExecute} and {@code explain} delegate here.
 *
 * <p>Pipeline: {@link Lexer} and {@link Parser} make an immutable {@link ParsedStatement}
 * (cached by text, so an unprepared statement run again is not parsed again); at each execution
 * the table's schema is looked up and {@link Planner} decides GET, QUERY or SCAN (a pure
 * function, so the plan is tested without a store); {@link Reads} and {@link WriteCall} write
 * the WHERE, SET and projection as DynamoDB expressions with placeholders ({@link
 * ExpressionWriter}) and call getItem, query, scan, putItem, updateItem, deleteItem,
 * transactWrite or transactGet. Evaluating conditions is the expression package's job, not
 * this one's: one semantics for both languages.
 */
public final class PartiQL {

  /** Bound on the cache of parsed statements; past it the cache starts over. */
  static final int MAX_CACHED = 1024;

  private static final Map<String, ParsedStatement> PARSED = new ConcurrentHashMap<>();

  private PartiQL() {}

  /** Parses {@code statement}; a {@link PartiqlSyntaxException} when it does not parse. */
  public static PreparedStatement prepare(TableStore tables, String statement) {
    return new PreparedStatement(tables, statement, parse(statement));
  }

  public static Flux<Item> execute(TableStore tables, String statement,
      List<AttributeValue> parameters) {
    return Flux.defer(() -> prepare(tables, statement).execute(parameters));
  }

  public static Mono<StatementPage> execute(TableStore tables, String statement,
      List<AttributeValue> parameters, ExecuteOptions options) {
    return Mono.defer(() -> prepare(tables, statement).execute(parameters, options));
  }

  public static Mono<Plan> explain(TableStore tables, String statement) {
    return Mono.defer(() -> prepare(tables, statement).explain());
  }

  public static Mono<List<Optional<Item>>> executeTransaction(TableStore tables,
      List<Statement> statements) {
    return Transactions.execute(tables, statements);
  }

  public static Mono<List<BatchResult>> batchExecute(TableStore tables,
      List<Statement> statements) {
    return Batches.execute(tables, statements);
  }

  static ParsedStatement parse(String statement) {
    ParsedStatement parsed = statement == null ? null : PARSED.get(statement);
    if (parsed == null) {
      parsed = Parser.parse(statement);
      if (PARSED.size() >= MAX_CACHED) {
        PARSED.clear();
      }
      PARSED.put(statement, parsed);
    }
    return parsed;
  }
}
