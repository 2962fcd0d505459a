package dev.weir.table;

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

  /** Stops the background TTL sweeper; the underlying store stays open (its owner closes it). */
  Mono<Void> close();
}
