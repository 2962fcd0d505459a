package dev.weir.vertx;

import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.nullableBody;

import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.WriteOptions;
import dev.weir.vertx.codec.ItemList;
import dev.weir.vertx.codec.ItemRequest;
import dev.weir.vertx.codec.ReadRequest;
import dev.weir.vertx.codec.StatementRequest;
import dev.weir.vertx.codec.StreamFrame.Kind;
import dev.weir.vertx.codec.TableBatch;
import dev.weir.vertx.codec.TableRequest;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * The tables of the served store: each {@link TableStore} and {@link Table} operation as one
 * request and one reply, and queries, scans, listings and streams as {@link ServerStream}s
 * under the credit protocol of scans. Every call goes to the binding's {@code TableStore}, so
 * the service adds no behaviour of its own: errors are the table store's, code for code.
 */
final class TableOperations {

  private TableOperations() {}

  static void addTo(Map<String, Operation> ops, StoreBinding binding, TableStore tables) {
    ops.put(Addresses.TABLE_CREATE,
        m -> Replies.answer(m, tables.createTable(nullableBody(m, TableSchema.class))));
    ops.put(Addresses.TABLE_DESCRIBE,
        m -> Replies.answer(m, tables.describeTable(body(m, TableRequest.class).table())));
    ops.put(Addresses.TABLE_SCHEMA,
        m -> Replies.answer(m, tables.tableSchema(body(m, TableRequest.class).table())));
    ops.put(Addresses.TABLE_DELETE,
        m -> Replies.answer(m, tables.deleteTable(body(m, TableRequest.class).table())));
    ops.put(Addresses.TABLE_LIST,
        m -> ServerStream.open(binding, m, tables.listTables(), Kind.TABLE_NAME));
    ops.put(Addresses.TABLE_SWEEP, m -> Replies.answer(m, table(m, tables).sweepExpired()));
    onItem(ops, tables, Addresses.TABLE_PUT, (t, r) -> t.putItem(r.item(), writeOptions(r)));
    onItem(ops, tables, Addresses.TABLE_UPDATE,
        (t, r) -> t.updateItem(r.item(), r.update(), writeOptions(r)));
    onItem(ops, tables, Addresses.TABLE_DELETE_ITEM,
        (t, r) -> t.deleteItem(r.item(), writeOptions(r)));
    onItem(ops, tables, Addresses.TABLE_GET, (t, r) -> r.get() == null
        ? t.getItem(r.item()) : t.getItem(r.item(), r.get()));
    onRead(ops, tables, Addresses.TABLE_QUERY_PAGE, (t, r) -> t.queryPage(r.query()));
    onRead(ops, tables, Addresses.TABLE_SCAN_PAGE, (t, r) -> t.scanPage(r.scan()));
    ops.put(Addresses.TABLE_QUERY, m -> {
      ReadRequest r = body(m, ReadRequest.class);
      ServerStream.open(binding, m, tables.table(r.table()).query(r.query()), Kind.ITEM);
    });
    ops.put(Addresses.TABLE_SCAN, m -> {
      ReadRequest r = body(m, ReadRequest.class);
      ServerStream.open(binding, m, tables.table(r.table()).scan(r.scan()), Kind.ITEM);
    });
    ops.put(Addresses.TABLE_STREAM,
        m -> ServerStream.open(binding, m, table(m, tables).stream(), Kind.STREAM_RECORD));
    ops.put(Addresses.TABLE_STREAM_FROM, m -> {
      TableRequest r = body(m, TableRequest.class);
      ServerStream.open(binding, m, tables.table(r.table()).stream(r.sequence()),
          Kind.STREAM_RECORD);
    });
    ops.put(Addresses.TABLE_BATCH_WRITE, m -> {
      TableBatch b = body(m, TableBatch.class);
      Replies.answer(m, b.table() == null
          ? tables.batchWrite(b.writes()) : tables.table(b.table()).batchWrite(b.writes()));
    });
    ops.put(Addresses.TABLE_BATCH_GET, m -> {
      TableBatch b = body(m, TableBatch.class);
      Replies.answer(m, b.table() == null
          ? tables.batchGet(b.keys()).map(TableOperations::present)
          : tables.table(b.table()).batchGet(keys(b.keys())).collectList().map(ItemList::new));
    });
    ops.put(Addresses.TABLE_TRANSACT_WRITE,
        m -> Replies.answer(m, tables.transactWrite(body(m, TableBatch.class).transact())));
    ops.put(Addresses.TABLE_EXECUTE, m -> {
      StatementRequest r = body(m, StatementRequest.class);
      Replies.answer(m, tables.execute(r.statement(), r.parameters(), r.options()));
    });
    ops.put(Addresses.TABLE_TRANSACT_GET, m -> Replies.answer(m,
        tables.transactGet(body(m, TableBatch.class).keys()).map(TableOperations::present)));
  }

  private static void onItem(Map<String, Operation> ops, TableStore tables, String address,
      BiFunction<Table, ItemRequest, Mono<?>> call) {
    ops.put(address, m -> {
      ItemRequest r = body(m, ItemRequest.class);
      Replies.answer(m, call.apply(tables.table(r.table()), r));
    });
  }

  private static void onRead(Map<String, Operation> ops, TableStore tables, String address,
      BiFunction<Table, ReadRequest, Mono<?>> call) {
    ops.put(address, m -> {
      ReadRequest r = body(m, ReadRequest.class);
      Replies.answer(m, call.apply(tables.table(r.table()), r));
    });
  }

  private static Table table(Message<Object> m, TableStore tables) {
    return tables.table(body(m, TableRequest.class).table());
  }

  private static WriteOptions writeOptions(ItemRequest r) {
    return r.write() == null ? WriteOptions.NONE : r.write();
  }

  /** A one-table batch get names its keys as references to its own table. */
  private static List<Item> keys(List<KeyRef> refs) {
    if (refs == null) {
      return null;
    }
    List<Item> keys = new ArrayList<>(refs.size());
    refs.forEach(k -> keys.add(k == null ? null : k.key()));
    return keys;
  }

  /** The wire has no {@code Optional}: an absent item is a null in the list. */
  private static ItemList present(List<Optional<Item>> items) {
    List<Item> list = new ArrayList<>(items.size());
    items.forEach(item -> list.add(item.orElse(null)));
    return new ItemList(list);
  }
}
