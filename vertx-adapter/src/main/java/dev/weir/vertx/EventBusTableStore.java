package dev.weir.vertx;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.Table;
import dev.weir.table.TableDescription;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteRequest;
import dev.weir.table.partiql.ExecuteOptions;
import dev.weir.table.partiql.StatementPage;
import dev.weir.vertx.codec.ItemList;
import dev.weir.vertx.codec.StatementRequest;
import dev.weir.vertx.codec.TableBatch;
import dev.weir.vertx.codec.TableRequest;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tables of a store served on another verticle or another node, used through the event bus
 * as if they were local: the same {@link TableStore} and {@link Table} as {@code
 * Tables.over(store)} on the serving node, because the service calls exactly that.
 *
 * <p>As {@link EventBusStore}: every method is cold and never throws, results arrive on the
 * caller's Vert.x context when it has one, failures are the table store's exception kinds with
 * what they carry (a {@code ConditionFailedException}'s old item, a {@code
 * TransactionCanceledException}'s reasons, an {@code ExpressionException}'s position and token),
 * and a store that does not answer gives a {@code TIMEOUT}. Queries, scans, the table listing
 * and streams flow under the credit protocol of scans, so a subscriber's backpressure reaches
 * the serving store; pages, batches and transactions are one request each. Items travel in the
 * tables' own binary form.
 *
 * <p>{@link #close()} closes this client, not the served store or its tables.
 */
public final class EventBusTableStore implements TableStore {

  private final BusClient client;

  private EventBusTableStore(BusClient client) {
    this.client = client;
  }

  /** A client of the tables of the store served as {@code name} (under {@code prefix()}). */
  public static EventBusTableStore create(Vertx vertx, String name, ClientOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return new EventBusTableStore(new BusClient(vertx, name, options));
  }

  public static EventBusTableStore create(Vertx vertx, String name) {
    return create(vertx, name, ClientOptions.defaults());
  }

  @Override
  public Mono<TableDescription> createTable(TableSchema schema) {
    return client.request(Addresses.TABLE_CREATE, schema, client.plain(),
        TableDescription.class);
  }

  @Override
  public Mono<TableDescription> describeTable(String name) {
    return client.request(Addresses.TABLE_DESCRIBE, TableRequest.of(name), client.plain(),
        TableDescription.class);
  }

  /** The served store's catalog answers it, without the item count a describe makes. */
  @Override
  public Mono<TableSchema> tableSchema(String name) {
    return client.request(Addresses.TABLE_SCHEMA, TableRequest.of(name), client.plain(),
        TableSchema.class);
  }

  @Override
  public Flux<String> listTables() {
    return new ClientStream<>(client, Addresses.TABLE_LIST, TableRequest.of(null),
        client.owned());
  }

  @Override
  public Mono<Void> deleteTable(String name) {
    return client.request(Addresses.TABLE_DELETE, TableRequest.of(name), client.plain(),
        Void.class);
  }

  /** A handle on the table; as the embedded store's, nothing is checked until it is used. */
  @Override
  public Table table(String name) {
    return new EventBusTable(client, name);
  }

  @Override
  public Mono<Void> batchWrite(List<WriteRequest> requests) {
    return client.request(Addresses.TABLE_BATCH_WRITE, TableBatch.writes(null, requests),
        client.plain(), Void.class);
  }

  @Override
  public Mono<List<Optional<Item>>> batchGet(List<KeyRef> keys) {
    return items(Addresses.TABLE_BATCH_GET, TableBatch.keys(null, keys));
  }

  @Override
  public Mono<Void> transactWrite(List<TransactWriteItem> items) {
    return client.request(Addresses.TABLE_TRANSACT_WRITE, TableBatch.transact(items),
        client.plain(), Void.class);
  }

  @Override
  public Mono<List<Optional<Item>>> transactGet(List<KeyRef> keys) {
    return items(Addresses.TABLE_TRANSACT_GET, TableBatch.keys(null, keys));
  }

  /**
   * One page of the statement, run by the served store: one round trip, the statement parsed,
   * planned and read there, its errors (a syntax error's line, column and token, a duplicate
   * INSERT) rebuilt here as they were raised.
   */
  @Override
  public Mono<StatementPage> execute(String statement, List<AttributeValue> parameters,
      ExecuteOptions options) {
    return client.request(Addresses.TABLE_EXECUTE,
        new StatementRequest(statement, parameters, options), client.plain(),
        StatementPage.class);
  }

  private Mono<List<Optional<Item>>> items(String op, TableBatch body) {
    return client.request(op, body, client.plain(), reply -> {
      List<Item> items = ((ItemList) reply).items();
      List<Optional<Item>> present = new ArrayList<>(items.size());
      items.forEach(item -> present.add(Optional.ofNullable(item)));
      return List.copyOf(present);
    }, null);
  }

  /**
   * Closes this client (not the served store, whose tables and TTL sweep live on the serving
   * node); idempotent. Open queries, scans and streams fail with {@code StoreClosedException}.
   */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> Mono.fromCompletionStage(client.close().toCompletionStage()));
  }

  @Override
  public String toString() {
    return "EventBusTableStore[" + client.address("table.*") + "]";
  }
}
