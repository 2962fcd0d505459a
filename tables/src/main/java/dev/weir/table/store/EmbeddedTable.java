package dev.weir.table.store;

import dev.weir.engine.ChangeEvent;
import dev.weir.engine.UnsupportedFeatureException;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.Page;
import dev.weir.table.Query;
import dev.weir.table.ReadSpec;
import dev.weir.table.ReturnValues;
import dev.weir.table.Scan;
import dev.weir.table.StreamRecord;
import dev.weir.table.StreamView;
import dev.weir.table.Table;
import dev.weir.table.TableDescription;
import dev.weir.table.WriteOptions;
import dev.weir.table.WriteRequest;
import dev.weir.table.expression.UpdateExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A table of an {@link EmbeddedTableStore}: a name and the store's shared parts. Each call
 * resolves the table when it runs (from the catalog's cache when it can be trusted), so a
 * handle outlives a table deleted and created again. Immutable.
 */
final class EmbeddedTable implements Table {

  private final String name;
  private final EmbeddedTableStore tables;

  EmbeddedTable(String name, EmbeddedTableStore tables) {
    this.name = name;
    this.tables = tables;
  }

  @Override
  public String name() {
    return name;
  }

  private <T> Mono<T> withTable(Function<TableFormat, Mono<T>> work) {
    TableFormat cached = tables.catalog().cached(name);
    if (cached != null) {
      return Mono.defer(() -> work.apply(cached));
    }
    return tables.catalog().resolve(name).flatMap(work);
  }

  private <T> Flux<T> withTableMany(Function<TableFormat, Flux<T>> work) {
    TableFormat cached = tables.catalog().cached(name);
    if (cached != null) {
      return Flux.defer(() -> work.apply(cached));
    }
    return tables.catalog().resolve(name).flatMapMany(work);
  }

  @Override
  public Mono<TableDescription> describe() {
    return withTable(tables::describe);
  }

  // ------------------------------------------------------------------ writes

  @Override
  public Mono<Item> putItem(Item item) {
    return putItem(item, WriteOptions.NONE);
  }

  @Override
  public Mono<Item> putItem(Item item, WriteOptions options) {
    return putOrDelete("putItem", item, options,
        (table, o) -> tables.requests().put(table, item, o),
        (table, write) -> tables.store().put(write.itemKey(), table.storedValue(item)));
  }

  @Override
  public Mono<Item> updateItem(Item key, String updateExpression, WriteOptions options) {
    return update(key, updateExpression, null, options);
  }

  @Override
  public Mono<Item> updateItem(Item key, UpdateExpression update, WriteOptions options) {
    return update(key, null, update, options);
  }

  private Mono<Item> update(Item key, String text, UpdateExpression parsed, WriteOptions options) {
    return withTable(table -> {
      checkNotNull(key, "key");
      if (text == null && parsed == null) {
        throw new dev.weir.table.ExpressionException("an update needs an update expression");
      }
      WriteOptions o = options == null ? WriteOptions.NONE : options;
      PlannedWrite write = tables.requests().update(table, key, text, parsed, o);
      UpdateExpression update = tables.expressions().update(text, parsed);
      return tables.writer().write(write).flatMap(outcome ->
          returned(o, outcome, update.updatedNames(o.placeholders())));
    });
  }

  @Override
  public Mono<Item> deleteItem(Item key) {
    return deleteItem(key, WriteOptions.NONE);
  }

  @Override
  public Mono<Item> deleteItem(Item key, WriteOptions options) {
    return putOrDelete("deleteItem", key, options,
        (table, o) -> tables.requests().delete(table, key, o),
        (table, write) -> tables.store().delete(write.itemKey()));
  }

  /**
   * A put or a delete: they return NONE or ALL_OLD, and one that depends on nothing stored
   * (see {@link #isBlind}) goes to the store directly, reading nothing first.
   */
  private Mono<Item> putOrDelete(String call, Item argument, WriteOptions options,
      BiFunction<TableFormat, WriteOptions, PlannedWrite> plan,
      BiFunction<TableFormat, PlannedWrite, Mono<?>> blind) {
    return withTable(table -> {
      checkNotNull(argument, call.equals("putItem") ? "item" : "key");
      WriteOptions o = options == null ? WriteOptions.NONE : options;
      allowOnly(o.returnValues(), call, ReturnValues.NONE, ReturnValues.ALL_OLD);
      PlannedWrite write = plan.apply(table, o);
      if (isBlind(table, o)) {
        return blind.apply(table, write).then(Mono.empty());
      }
      return tables.writer().write(write).flatMap(outcome -> returned(o, outcome, null));
    });
  }

  @Override
  public Mono<Void> batchWrite(List<WriteRequest> requests) {
    return Mono.defer(() -> {
      if (requests != null) {
        for (WriteRequest r : requests) {
          if (r != null && !r.table().equals(name)) {
            throw new ItemValidationException("a batch write of table " + name
                + " holds a request for table " + r.table() + "; use TableStore.batchWrite");
          }
        }
      }
      return tables.batchWrite(requests);
    });
  }

  /** A write that depends on nothing stored: no condition, nothing returned, a simple table. */
  private static boolean isBlind(TableFormat table, WriteOptions o) {
    return table.isSimple() && !o.hasCondition() && o.returnValues() == ReturnValues.NONE;
  }

  private static Mono<Item> returned(WriteOptions o, WriteOutcome outcome, Set<String> updated) {
    Item result = switch (o.returnValues()) {
      case NONE -> null;
      case ALL_OLD -> outcome.before();
      case ALL_NEW -> outcome.after();
      case UPDATED_OLD -> only(outcome.before(), updated);
      case UPDATED_NEW -> only(outcome.after(), updated);
    };
    return result == null || result.isEmpty() ? Mono.empty() : Mono.just(result);
  }

  private static Item only(Item item, Set<String> names) {
    if (item == null) {
      return null;
    }
    Item.Builder b = Item.builder();
    for (String n : names) {
      if (item.contains(n)) {
        b.attribute(n, item.get(n));
      }
    }
    return b.build();
  }

  private static void allowOnly(ReturnValues asked, String call, ReturnValues... allowed) {
    for (ReturnValues a : allowed) {
      if (a == asked) {
        return;
      }
    }
    throw new ItemValidationException(call + " returns NONE or ALL_OLD, not " + asked);
  }

  private static void checkNotNull(Object value, String what) {
    if (value == null) {
      throw new ItemValidationException(what + " must not be null");
    }
  }

  // ------------------------------------------------------------------ reads

  @Override
  public Mono<Item> getItem(Item key) {
    return getItem(key, GetOptions.ALL);
  }

  @Override
  public Mono<Item> getItem(Item key, GetOptions options) {
    return withTable(table -> {
      checkNotNull(key, "key");
      return tables.reader().get(table, key, options == null ? GetOptions.ALL : options);
    });
  }

  @Override
  public Flux<Item> batchGet(List<Item> keys) {
    return Flux.defer(() -> {
      if (keys == null) {
        throw new ItemValidationException("keys must not be null");
      }
      List<dev.weir.table.KeyRef> refs = new ArrayList<>(keys.size());
      for (Item key : keys) {
        checkNotNull(key, "a key");
        refs.add(dev.weir.table.KeyRef.of(name, key));
      }
      return tables.batchGet(refs).flatMapIterable(found -> found)
          .filter(java.util.Optional::isPresent)
          .map(java.util.Optional::get);
    });
  }

  @Override
  public Flux<Item> query(Query query) {
    return withTableMany(table -> {
      checkNotNull(query, "query");
      return items(tables.reader().query(table, query), query.spec());
    });
  }

  @Override
  public Mono<Page> queryPage(Query query) {
    return withTable(table -> {
      checkNotNull(query, "query");
      return page(tables.reader().query(table, query), query.spec());
    });
  }

  @Override
  public Flux<Item> scan(Scan scan) {
    return withTableMany(table -> {
      checkNotNull(scan, "scan");
      return items(tables.reader().scan(table, scan), scan.spec());
    });
  }

  @Override
  public Mono<Page> scanPage(Scan scan) {
    return withTable(table -> {
      checkNotNull(scan, "scan");
      return page(tables.reader().scan(table, scan), scan.spec());
    });
  }

  private static Flux<Item> items(Flux<Evaluated> evaluated, ReadSpec spec) {
    Flux<Evaluated> limited =
        spec.limit() == ReadSpec.NO_LIMIT ? evaluated : evaluated.take(spec.limit());
    return limited.filter(e -> e.item() != null).map(Evaluated::item);
  }

  private static Mono<Page> page(Flux<Evaluated> evaluated, ReadSpec spec) {
    return Mono.defer(() -> {
      PageBuilder page = new PageBuilder(spec.limit());
      return evaluated.takeWhile(page::add).then(Mono.fromCallable(page::build));
    });
  }

  // ------------------------------------------------------------------ stream and TTL

  @Override
  public Flux<StreamRecord> stream() {
    return withTableMany(table -> records(table, tables.store().watch(table.keys().stream())));
  }

  @Override
  public Flux<StreamRecord> stream(long fromSequence) {
    return withTableMany(table ->
        records(table, tables.store().watch(table.keys().stream(), fromSequence)));
  }

  private Flux<StreamRecord> records(TableFormat table, Flux<ChangeEvent> changes) {
    if (table.schema().streamView() == StreamView.OFF) {
      return Flux.error(new UnsupportedFeatureException(
          "table " + name + " has no stream: create it with a stream view"));
    }
    // the table's deletion is a range delete over its keys: the stream ends there
    return changes
        .takeWhile(event -> event.type() != ChangeEvent.Type.RANGE_DELETE)
        .filter(event -> event.type() == ChangeEvent.Type.LOG)
        .map(event -> StreamCodec.decode(event.sequence(), event.value()));
  }

  @Override
  public Mono<Long> sweepExpired() {
    return withTable(table -> tables.sweeper().sweep(table));
  }
}
