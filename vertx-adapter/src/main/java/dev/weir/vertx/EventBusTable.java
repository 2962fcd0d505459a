package dev.weir.vertx;

import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.Page;
import dev.weir.table.Query;
import dev.weir.table.Scan;
import dev.weir.table.StreamRecord;
import dev.weir.table.Table;
import dev.weir.table.TableDescription;
import dev.weir.table.WriteOptions;
import dev.weir.table.WriteRequest;
import dev.weir.table.expression.UpdateExpression;
import dev.weir.vertx.codec.ItemList;
import dev.weir.vertx.codec.ItemRequest;
import dev.weir.vertx.codec.ReadRequest;
import dev.weir.vertx.codec.TableBatch;
import dev.weir.vertx.codec.TableRequest;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One table of an {@link EventBusTableStore}: each call one request to the service's table of
 * that name, queries and scans streamed under credit, {@link #stream()} opened as a watch is
 * (live once its subscriber hears {@code onSubscribe}) and {@link #stream(long)} resumable from
 * any sequence the store still holds. Immutable.
 */
final class EventBusTable implements Table {

  private final BusClient client;
  private final String name;

  EventBusTable(BusClient client, String name) {
    this.client = client;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Mono<TableDescription> describe() {
    return client.request(Addresses.TABLE_DESCRIBE, TableRequest.of(name), client.plain(),
        TableDescription.class);
  }

  @Override
  public Mono<Item> putItem(Item item) {
    return putItem(item, WriteOptions.NONE);
  }

  @Override
  public Mono<Item> putItem(Item item, WriteOptions options) {
    return item(Addresses.TABLE_PUT, ItemRequest.write(name, item, options));
  }

  @Override
  public Mono<Item> updateItem(Item key, String updateExpression, WriteOptions options) {
    return item(Addresses.TABLE_UPDATE, ItemRequest.update(name, key, updateExpression, options));
  }

  @Override
  public Mono<Item> updateItem(Item key, UpdateExpression update, WriteOptions options) {
    return updateItem(key, update == null ? null : update.toString(), options);
  }

  @Override
  public Mono<Item> deleteItem(Item key) {
    return deleteItem(key, WriteOptions.NONE);
  }

  @Override
  public Mono<Item> deleteItem(Item key, WriteOptions options) {
    return item(Addresses.TABLE_DELETE_ITEM, ItemRequest.write(name, key, options));
  }

  @Override
  public Mono<Item> getItem(Item key) {
    return item(Addresses.TABLE_GET, ItemRequest.get(name, key, null));
  }

  @Override
  public Mono<Item> getItem(Item key, GetOptions options) {
    return item(Addresses.TABLE_GET, ItemRequest.get(name, key, options));
  }

  private Mono<Item> item(String op, ItemRequest request) {
    return client.request(op, request, client.plain(), Item.class);
  }

  @Override
  public Flux<Item> batchGet(List<Item> keys) {
    List<KeyRef> refs = null;
    if (keys != null) {
      refs = new ArrayList<>(keys.size());
      for (Item key : keys) {
        refs.add(key == null ? null : KeyRef.of(name, key));
      }
    }
    return client.request(Addresses.TABLE_BATCH_GET, TableBatch.keys(name, refs),
        client.plain(), ItemList.class).flatMapIterable(ItemList::items);
  }

  @Override
  public Mono<Void> batchWrite(List<WriteRequest> requests) {
    return client.request(Addresses.TABLE_BATCH_WRITE, TableBatch.writes(name, requests),
        client.plain(), Void.class);
  }

  @Override
  public Flux<Item> query(Query query) {
    return new ClientStream<>(client, Addresses.TABLE_QUERY, new ReadRequest(name, query, null),
        client.owned());
  }

  @Override
  public Mono<Page> queryPage(Query query) {
    return client.request(Addresses.TABLE_QUERY_PAGE, new ReadRequest(name, query, null),
        client.plain(), Page.class);
  }

  @Override
  public Flux<Item> scan(Scan scan) {
    return new ClientStream<>(client, Addresses.TABLE_SCAN, new ReadRequest(name, null, scan),
        client.owned());
  }

  @Override
  public Mono<Page> scanPage(Scan scan) {
    return client.request(Addresses.TABLE_SCAN_PAGE, new ReadRequest(name, null, scan),
        client.plain(), Page.class);
  }

  @Override
  public Flux<StreamRecord> stream() {
    return new ClientStream<>(client, Addresses.TABLE_STREAM, TableRequest.of(name),
        client.owned(), true, client.options().window());
  }

  @Override
  public Flux<StreamRecord> stream(long fromSequence) {
    return new ClientStream<>(client, Addresses.TABLE_STREAM_FROM,
        new TableRequest(name, fromSequence), client.owned(), true, client.options().window());
  }

  @Override
  public Mono<Long> sweepExpired() {
    return client.request(Addresses.TABLE_SWEEP, TableRequest.of(name), client.plain(),
        Long.class);
  }

  @Override
  public String toString() {
    return "EventBusTable[" + name + " at " + client.address("table.*") + "]";
  }
}
