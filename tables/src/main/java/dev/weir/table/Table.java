package dev.weir.table;

import dev.weir.table.expression.UpdateExpression;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The items of one table. Every method is cold (nothing happens before subscription), never
 * throws and never blocks; failures arrive as {@code onError} with a {@link
 * dev.weir.engine.WeirException} kind, an absent item as an empty {@code Mono}, and a failed
 * write changes nothing. A table that does not exist (or no longer does) fails each call with
 * {@link TableNotFoundException}.
 *
 * <p>Each write of an item changes the item, its index entries and its stream record in one
 * atomic engine batch: indexes are always consistent with the table. Reads are consistent by
 * construction: a read sees every write that completed before it began, and a query or scan
 * reads one snapshot from its first item to its last.
 */
public interface Table {

  String name();

  Mono<TableDescription> describe();

  /** Puts {@code item} (replacing any item with its key); completes empty. */
  Mono<Item> putItem(Item item);

  /**
   * Puts {@code item} if {@code options}' condition holds on the item it replaces; emits the
   * replaced item when {@code ALL_OLD} is asked for and there was one.
   */
  Mono<Item> putItem(Item item, WriteOptions options);

  /**
   * Applies {@code updateExpression} to the item with key {@code key}, creating it when absent
   * (as DynamoDB does), if the condition holds; emits what {@code options.returnValues()} asks.
   */
  Mono<Item> updateItem(Item key, String updateExpression, WriteOptions options);

  Mono<Item> updateItem(Item key, UpdateExpression update, WriteOptions options);

  /** Deletes the item with key {@code key}; completes empty. */
  Mono<Item> deleteItem(Item key);

  /** Deletes if the condition holds; emits the deleted item when {@code ALL_OLD} is asked. */
  Mono<Item> deleteItem(Item key, WriteOptions options);

  /** The item with key {@code key}; empty when absent or expired. */
  Mono<Item> getItem(Item key);

  Mono<Item> getItem(Item key, GetOptions options);

  /** The items of these keys that exist, at one snapshot, in key order of the request. */
  Flux<Item> batchGet(List<Item> keys);

  /** Puts and deletes these items in one atomic batch (DynamoDB's BatchWriteItem). */
  Mono<Void> batchWrite(List<WriteRequest> requests);

  /**
   * The items {@code query} selects, at one snapshot, honouring demand: each request pulls that
   * many items from the engine.
   */
  Flux<Item> query(Query query);

  /** One page of {@code query}: at most its limit of evaluated items, or 1 MB of them. */
  Mono<Page> queryPage(Query query);

  /** The items {@code scan} selects, at one snapshot, honouring demand. */
  Flux<Item> scan(Scan scan);

  Mono<Page> scanPage(Scan scan);

  /**
   * The table's changes committed after subscription, in commit order (so ordered per item),
   * with the images its stream view asks for; an error when the table has no stream.
   */
  Flux<StreamRecord> stream();

  /**
   * The table's changes from {@code fromSequence} on (a record's {@code sequence + 1} resumes
   * after it). A sequence no longer retained is a {@link
   * dev.weir.engine.ChangesUnavailableException}; a subscriber that falls further behind than the
   * store retains gets a {@link dev.weir.engine.ChangesOverflowException}: no record is ever
   * skipped silently.
   */
  Flux<StreamRecord> stream(long fromSequence);

  /**
   * Removes the items whose TTL has passed now, each with a stream record marked as removed by
   * TTL; emits how many. The store runs this in the background; it is public for callers that
   * want expiry settled at a point of their choosing (tests on virtual time, shutdown).
   */
  Mono<Long> sweepExpired();
}
