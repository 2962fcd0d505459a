package dev.weir.table;

import dev.weir.table.partiql.BatchResult;
import dev.weir.table.partiql.ExecuteOptions;
import dev.weir.table.partiql.PartiQL;
import dev.weir.table.partiql.Plan;
import dev.weir.table.partiql.PreparedStatement;
import dev.weir.table.partiql.Statement;
import dev.weir.table.partiql.StatementPage;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tables of items over a store: create, describe, list and delete tables, and the operations
 * that span tables (batch and transactional reads and writes). Every method is cold, never
 * throws and never blocks; failures arrive as {@code onError} with a {@link
 * dev.weir.engine.WeirException} kind.
 *
 * <pre>{@code
 * TableStore tables = Tables.over(Weir.inMemory());
 * tables.createTable(schema).then(tables.table("users").putItem(item))...
 * }</pre>
 */
public interface TableStore {

  /** Creates a table; a {@link TableExistsException} when its name is taken. */
  Mono<TableDescription> createTable(TableSchema schema);

  /** Describes a table; a {@link TableNotFoundException} when there is none of that name. */
  Mono<TableDescription> describeTable(String name);

  /** The names of the tables, in name order. */
  Flux<String> listTables();

  /** Deletes a table with its items, indexes and stream; a {@link TableNotFoundException} when absent. */
  Mono<Void> deleteTable(String name);

  /** The table called {@code name}; its operations fail if it does not exist when they run. */
  Table table(String name);

  /** Puts and deletes items of several tables in one atomic batch. */
  Mono<Void> batchWrite(List<WriteRequest> requests);

  /** The items of these keys, at one snapshot, in request order; empty for an absent item. */
  Mono<List<Optional<Item>>> batchGet(List<KeyRef> keys);

  /**
   * Checks, puts, updates and deletes across tables, all or nothing: if any condition fails,
   * nothing is written and a {@link TransactionCanceledException} gives a reason per item.
   * At most 100 items, each item at most once.
   */
  Mono<Void> transactWrite(List<TransactWriteItem> items);

  /** The items of these keys read at one snapshot, in request order (DynamoDB's TransactGetItems). */
  Mono<List<Optional<Item>>> transactGet(List<KeyRef> keys);

  /**
   * The schema of the table called {@code name}; a {@link TableNotFoundException} when there is
   * none. PartiQL plans with it at every execution. The default describes the table, which
   * counts its items: an implementation with a catalog should answer from it instead.
   */
  default Mono<TableSchema> tableSchema(String name) {
    return describeTable(name).map(TableDescription::schema);
  }

  // ------------------------------------------------------------------ PartiQL (dev.weir.table.partiql)

  /**
   * Runs one PartiQL statement (DynamoDB's dialect: SELECT, INSERT, UPDATE, DELETE) with the
   * values of its {@code ?} parameters, in order: a SELECT emits its items, a write what its
   * RETURNING asks for (nothing without). A
   * SELECT whose WHERE fixes the partition key of the table or index runs as a query, never a
   * scan ({@link #explain(String)} tells which). A statement that does not parse fails with a
   * {@link dev.weir.table.partiql.PartiqlSyntaxException} (line, column, token); an INSERT of
   * an existing key with a {@link dev.weir.table.partiql.DuplicateItemException}.
   */
  default Flux<Item> execute(String statement, List<AttributeValue> parameters) {
    return PartiQL.execute(this, statement, parameters);
  }

  /**
   * One page of a PartiQL statement's results, as DynamoDB's ExecuteStatement with {@code Limit}
   * and {@code NextToken}: a SELECT evaluates at most {@code options.limit()} items (before its
   * filter) and at most 1 MB, going on from {@code options.nextToken()}; the page's {@code
   * nextToken()} is null when there is no more. A write runs whole; its page holds what its
   * RETURNING asked for. An event-bus client runs the statement on the serving node, one round
   * trip a page.
   */
  default Mono<StatementPage> execute(String statement, List<AttributeValue> parameters,
      ExecuteOptions options) {
    return PartiQL.execute(this, statement, parameters, options);
  }

  /**
   * Parses {@code statement} once for many executions; throws a {@link
   * dev.weir.table.partiql.PartiqlSyntaxException} at once when it does not parse.
   */
  default PreparedStatement prepare(String statement) {
    return PartiQL.prepare(this, statement);
  }

  /**
   * DynamoDB's ExecuteTransaction: all writes and {@code EXISTS(SELECT ...)} condition checks,
   * applied all or nothing (a failed condition or check is a {@link
   * TransactionCanceledException} with the reason {@code ConditionalCheckFailed}, a duplicate
   * INSERT with {@code DuplicateItem}), or all SELECTs by full primary
   * key, read at one snapshot; one entry per statement, in order (empty for writes and absent
   * items).
   */
  default Mono<List<Optional<Item>>> executeTransaction(List<Statement> statements) {
    return PartiQL.executeTransaction(this, statements);
  }

  /**
   * DynamoDB's BatchExecuteStatement: up to 25 statements, all SELECTs by full key or all
   * writes, each run on its own; one result per statement, its item or its error.
   */
  default Mono<List<BatchResult>> batchExecute(List<Statement> statements) {
    return PartiQL.batchExecute(this, statements);
  }

  /** How {@code statement} would run (GET, QUERY with its key condition, SCAN, or a write). */
  default Mono<Plan> explain(String statement) {
    return PartiQL.explain(this, statement);
  }

  /** Stops the background TTL sweeper; the underlying store stays open (its owner closes it). */
  Mono<Void> close();
}
