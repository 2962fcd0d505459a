package dev.weir.table.store;

import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyRef;
import dev.weir.table.Table;
import dev.weir.table.TableDescription;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.TableStoreOptions;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteOptions;
import dev.weir.table.WriteRequest;
import dev.weir.table.codec.ItemSize;
import dev.weir.table.expression.ProjectionExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tables over a {@link ReactiveStore}: the catalog, the writer and reader of items, and the TTL
 * sweep, shared by the tables it hands out. Holds no mutable state beyond the catalog's cache
 * and the sweep's ticks; safe to share between threads.
 */
public final class EmbeddedTableStore implements TableStore {

  /** DynamoDB's bound on the items of one transaction (read or write). */
  public static final int MAX_TRANSACTION_ITEMS = 100;

  private final ReactiveStore store;
  private final Catalog catalog;
  private final ItemWriter writer;
  private final ItemReader reader;
  private final WriteRequests requests;
  private final ParsedExpressions expressions = new ParsedExpressions();
  private final TtlSweeper sweeper;
  private final LongSupplier nowMillis;

  public EmbeddedTableStore(ReactiveStore store, TableStoreOptions options) {
    this.store = store;
    this.nowMillis = () -> options.clock().now(TimeUnit.MILLISECONDS);
    this.catalog = new Catalog(store, nowMillis);
    this.writer = new ItemWriter(store, nowMillis);
    this.reader = new ItemReader(store, expressions, nowMillis);
    this.requests = new WriteRequests(expressions);
    this.sweeper = new TtlSweeper(store, catalog, writer, options.sweepInterval(),
        options.clock());
    catalog.onSeen(sweeper::seen); // the sweep ticks once a table with a TTL attribute exists
    sweeper.startIfAnyTableHasTtl();
  }

  // ------------------------------------------------------------------ tables

  @Override
  public Mono<TableDescription> createTable(TableSchema schema) {
    return Mono.defer(() -> {
      if (schema == null) {
        return Mono.error(new ItemValidationException("schema must not be null"));
      }
      return catalog.create(schema).map(format -> new TableDescription(schema, 0, 0,
          zeroCounts(schema), format.record().createdAtEpochMillis()));
    });
  }

  @Override
  public Mono<TableDescription> describeTable(String name) {
    return catalog.resolve(name).flatMap(this::describe);
  }

  /** From the catalog, without counting items as {@link #describeTable} does. */
  @Override
  public Mono<TableSchema> tableSchema(String name) {
    return catalog.resolve(name).map(TableFormat::schema);
  }

  Mono<TableDescription> describe(TableFormat table) {
    long now = writer.nowSeconds();
    Mono<long[]> items = store.scan(KeyRange.prefix(table.keys().items()))
        .reduce(new long[2], (sum, entry) -> {
          Item item = table.decodeItem(table.decodeItemKey(entry.key()), entry.value());
          if (!Expiry.isExpired(table.expiry(item), now)) {
            sum[0]++;
            sum[1] += ItemSize.of(item);
          }
          return sum;
        });
    List<String> names = new ArrayList<>();
    table.schema().indexes().forEach(index -> names.add(index.name()));
    Mono<Map<String, Long>> indexCounts = Flux.range(0, names.size())
        .concatMap(i -> store.scan(KeyRange.prefix(table.keys().index(i)))
            .filter(e -> !Expiry.isExpired(TableFormat.indexEntryExpiry(e.value()), now))
            .count()
            .map(count -> Map.entry(names.get(i), count)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    return Mono.zip(items, indexCounts).map(t -> new TableDescription(table.schema(),
        t.getT1()[0], t.getT1()[1], t.getT2(), table.record().createdAtEpochMillis()));
  }

  private static Map<String, Long> zeroCounts(TableSchema schema) {
    Map<String, Long> counts = new HashMap<>();
    schema.indexes().forEach(index -> counts.put(index.name(), 0L));
    return counts;
  }

  @Override
  public Flux<String> listTables() {
    return catalog.names();
  }

  @Override
  public Mono<Void> deleteTable(String name) {
    return catalog.delete(name);
  }

  @Override
  public Table table(String name) {
    return new EmbeddedTable(name, this);
  }

  // ------------------------------------------------------------------ across tables

  @Override
  public Mono<Void> batchWrite(List<WriteRequest> batch) {
    return Mono.defer(() -> {
      List<WriteRequest> checked = List.copyOf(nonNull(batch, "batch write"));
      Set<String> names = new LinkedHashSet<>();
      checked.forEach(r -> names.add(r.table()));
      return resolveAll(names).flatMap(tables -> {
        List<PlannedWrite> planned = new ArrayList<>(checked.size());
        boolean blind = true;
        for (WriteRequest r : checked) {
          TableFormat table = tables.get(r.table());
          blind &= table.isSimple();
          planned.add(r.kind() == WriteRequest.Kind.PUT
              ? requests.put(table, r.item(), WriteOptions.NONE)
              : requests.delete(table, r.item(), WriteOptions.NONE));
        }
        if (blind) {
          return writer.writeBlind(planned);
        }
        return writer.writeAll(planned, false).then();
      });
    });
  }

  @Override
  public Mono<List<Optional<Item>>> batchGet(List<KeyRef> keys) {
    return readAtOneSnapshot(keys, "batch get");
  }

  @Override
  public Mono<Void> transactWrite(List<TransactWriteItem> items) {
    return Mono.defer(() -> {
      List<TransactWriteItem> checked = List.copyOf(nonNull(items, "transaction"));
      checkTransactionSize(checked.size());
      Set<String> names = new LinkedHashSet<>();
      checked.forEach(i -> names.add(i.table()));
      return resolveAll(names).flatMap(tables -> {
        List<PlannedWrite> planned = new ArrayList<>(checked.size());
        for (TransactWriteItem item : checked) {
          planned.add(plan(tables.get(item.table()), item));
        }
        return writer.writeAll(planned, true).then();
      });
    });
  }

  private PlannedWrite plan(TableFormat table, TransactWriteItem item) {
    return switch (item.kind()) {
      case PUT -> requests.put(table, item.item(), item.options());
      case UPDATE -> requests.update(
          table, item.item(), item.updateText(), item.update(), item.options());
      case DELETE -> requests.delete(table, item.item(), item.options());
      case CONDITION_CHECK -> requests.check(table, item.item(), item.options());
    };
  }

  @Override
  public Mono<List<Optional<Item>>> transactGet(List<KeyRef> keys) {
    return Mono.defer(() -> {
      checkTransactionSize(nonNull(keys, "transaction").size());
      return readAtOneSnapshot(keys, "transaction");
    });
  }

  private Mono<List<Optional<Item>>> readAtOneSnapshot(List<KeyRef> keys, String what) {
    return Mono.defer(() -> {
      List<KeyRef> checked = List.copyOf(nonNull(keys, what));
      Set<String> names = new LinkedHashSet<>();
      checked.forEach(k -> names.add(k.table()));
      return resolveAll(names).flatMap(tables -> Mono.usingWhen(store.snapshot(),
          snapshot -> Flux.fromIterable(checked)
              .concatMap(ref -> read(snapshot, tables.get(ref.table()), ref))
              .collectList(),
          StoreSnapshot::close));
    });
  }

  private Mono<Optional<Item>> read(StoreSnapshot snapshot, TableFormat table, KeyRef ref) {
    return Mono.defer(() -> {
      GetOptions options = ref.options();
      ProjectionExpression projection =
          expressions.projection(options.projectionText(), options.projection());
      ParsedExpressions.checkPlaceholders(options.placeholders(),
          projection == null ? Set.of() : projection.namePlaceholders(), Set.of());
      long now = writer.nowSeconds();
      return snapshot.get(table.keyOnly(ref.key()))
          .map(value -> {
            Item item = table.decodeItem(ref.key(), value);
            if (Expiry.isExpired(table.expiry(item), now)) {
              return Optional.<Item>empty();
            }
            return Optional.of(
                projection == null ? item : projection.apply(item, options.placeholders()));
          })
          .defaultIfEmpty(Optional.empty());
    });
  }

  private Mono<Map<String, TableFormat>> resolveAll(Set<String> names) {
    return Flux.fromIterable(names)
        .concatMap(catalog::resolve)
        .collectMap(TableFormat::name);
  }

  private static <T> List<T> nonNull(List<T> list, String what) {
    if (list == null || list.isEmpty()) {
      throw new ItemValidationException("a " + what + " needs at least one item");
    }
    for (T t : list) {
      if (t == null) {
        throw new ItemValidationException("a " + what + " must not hold null items");
      }
    }
    return list;
  }

  private static void checkTransactionSize(int size) {
    if (size > MAX_TRANSACTION_ITEMS) {
      throw new ItemValidationException("a transaction holds at most " + MAX_TRANSACTION_ITEMS
          + " items, not " + size);
    }
  }

  @Override
  public Mono<Void> close() {
    return Mono.fromRunnable(() -> {
      sweeper.stop();
      catalog.close();
    });
  }

  // ------------------------------------------------------------------ for the tables

  ReactiveStore store() {
    return store;
  }

  Catalog catalog() {
    return catalog;
  }

  ItemWriter writer() {
    return writer;
  }

  ItemReader reader() {
    return reader;
  }

  WriteRequests requests() {
    return requests;
  }

  ParsedExpressions expressions() {
    return expressions;
  }

  TtlSweeper sweeper() {
    return sweeper;
  }
}
