package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.KeySchema;
import dev.weir.table.Query;
import dev.weir.table.ReadSpec;
import dev.weir.table.Scan;
import dev.weir.table.expression.BoundKeyCondition;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.KeyCondition;
import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.ProjectionExpression;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads items: by key, by query and by scan. A query or scan is one engine scan at one
 * snapshot over a key range (a partition, or narrowed by the sort key condition), pulled as the
 * subscriber asks; each entry is decoded, dropped if expired (never returned, whether or not
 * the sweep has removed it yet), counted toward the limit, filtered and projected. Stateless.
 */
final class ItemReader {

  private final ReactiveStore store;
  private final ParsedExpressions expressions;
  private final LongSupplier nowMillis;

  ItemReader(ReactiveStore store, ParsedExpressions expressions, LongSupplier nowMillis) {
    this.store = store;
    this.expressions = expressions;
    this.nowMillis = nowMillis;
  }

  /**
   * Reads the item at {@code key}. Called inside the caller's {@code Mono.defer} (the table's
   * resolution), so a bad key or projection throws here and reaches the subscriber as onError;
   * a second defer of its own was one more operator layer on the hottest read.
   */
  Mono<Item> get(TableFormat table, Item key, GetOptions options) {
    Bytes engineKey = table.keyOnly(key);
    ProjectionExpression projection =
        expressions.projection(options.projectionText(), options.projection());
    Placeholders placeholders = options.placeholders();
    ParsedExpressions.checkPlaceholders(placeholders,
        projection == null ? Set.of() : projection.namePlaceholders(), Set.of());
    return store.get(engineKey).handle((value, sink) -> {
      Item item = table.decodeItem(key, value);
      long expiry = table.expiry(item);
      if (expiry != Expiry.NEVER && Expiry.isExpired(expiry, nowSeconds())) {
        return;
      }
      sink.next(projection == null ? item : projection.apply(item, placeholders));
    });
  }

  Flux<Evaluated> query(TableFormat table, Query query) {
    return Flux.defer(() -> {
      ReadSpec spec = query.spec();
      ReadTarget target = ReadTarget.of(table, spec.indexName());
      KeyCondition condition =
          expressions.keyCondition(query.keyConditionText(), query.keyCondition());
      Reading reading = reading(spec, condition.namePlaceholders(), condition.valuePlaceholders());
      KeySchema key = target.key();
      ParsedExpressions.checkFilterOmitsKeys(
          expressions.condition(spec.filterText(), spec.filter()), spec.placeholders(), key);
      BoundKeyCondition bound = condition.bind(spec.placeholders(), key.partitionKey().name(),
          key.hasSortKey() ? key.sortKey().name() : null);
      KeyRange range = KeyBounds.range(target.base(), key.partitionKey(), bound.partitionValue(),
          key.sortKey(), bound.sortOrNull());
      return evaluate(target, startAfter(target, range, spec.exclusiveStartKey(),
          query.isForward()), spec, reading, 0, 1);
    });
  }

  Flux<Evaluated> scan(TableFormat table, Scan scan) {
    return Flux.defer(() -> {
      ReadSpec spec = scan.spec();
      ReadTarget target = ReadTarget.of(table, spec.indexName());
      Reading reading = reading(spec, Set.of(), Set.of());
      KeyRange range = startAfter(target, KeyRange.prefix(target.base()),
          spec.exclusiveStartKey(), true);
      return evaluate(target, range, spec, reading, scan.segment(), scan.totalSegments());
    });
  }

  /** The parsed filter and projection of a read, with its placeholders checked. */
  private record Reading(Predicate<Item> filter, ProjectionExpression projection,
      Placeholders placeholders) {}

  private Reading reading(ReadSpec spec, Set<String> keyNames, Set<String> keyValues) {
    ConditionExpression filter = expressions.condition(spec.filterText(), spec.filter());
    ProjectionExpression projection =
        expressions.projection(spec.projectionText(), spec.projection());
    Set<String> names = new HashSet<>(keyNames);
    Set<String> values = new HashSet<>(keyValues);
    if (filter != null) {
      names.addAll(filter.namePlaceholders());
      values.addAll(filter.valuePlaceholders());
    }
    if (projection != null) {
      names.addAll(projection.namePlaceholders());
    }
    ParsedExpressions.checkPlaceholders(spec.placeholders(), names, values);
    return new Reading(filter == null ? null : filter.bind(spec.placeholders()), projection,
        spec.placeholders());
  }

  private static KeyRange startAfter(ReadTarget target, KeyRange range, Item startKey,
      boolean forward) {
    if (startKey == null) {
      return forward ? range : range.reversed();
    }
    Bytes start = target.engineKeyOf(startKey);
    if (forward) {
      Bytes from = KeyBounds.after(start);
      if (range.fromKey() != null && range.fromKey().compareTo(from) > 0) {
        from = range.fromKey();
      }
      return KeyRange.of(from, range.toKey());
    }
    Bytes to = start;
    if (range.toKey() != null && range.toKey().compareTo(to) < 0) {
      to = range.toKey();
    }
    return KeyRange.of(range.fromKey(), to).reversed();
  }

  private Flux<Evaluated> evaluate(ReadTarget target, KeyRange range, ReadSpec spec,
      Reading reading, int segment, int segments) {
    if (range.fromKey() != null && range.toKey() != null
        && range.fromKey().compareTo(range.toKey()) >= 0) {
      return Flux.empty();
    }
    int baseLength = target.base().length();
    long now = nowSeconds();
    if (target.fetchesFromTable(reading.projection(), reading.placeholders())) {
      // a local index's query asking for attributes it does not project reads them from the
      // table, at the snapshot of the index scan (as DynamoDB fetches them)
      return Flux.usingWhen(store.snapshot(),
          snapshot -> snapshot.scan(range)
              .filter(entry -> segments <= 1
                  || Segments.of(entry.key(), baseLength, segments) == segment)
              .filter(entry -> !Expiry.isExpired(target.expiry(entry, null), now))
              .concatMap(entry -> snapshot.get(target.tableKeyOf(entry))
                  .map(value -> evaluate(target, entry, target.withTableItem(entry, value),
                      reading))),
          StoreSnapshot::close);
    }
    return store.scan(range).handle((entry, sink) -> {
      if (segments > 1 && Segments.of(entry.key(), baseLength, segments) != segment) {
        return;
      }
      Item item = target.decode(entry);
      if (Expiry.isExpired(target.expiry(entry, item), now)) {
        return;
      }
      sink.next(evaluate(target, entry, item, reading));
    });
  }

  private static Evaluated evaluate(ReadTarget target, Entry entry, Item item, Reading reading) {
    Item result = item;
    if (reading.filter() != null && !reading.filter().test(item)) {
      result = null;
    } else if (reading.projection() != null) {
      result = reading.projection().apply(item, reading.placeholders());
    }
    return new Evaluated(target, entry, result, entry.key().length() + entry.value().length());
  }

  long nowSeconds() {
    return Math.floorDiv(nowMillis.getAsLong(), 1000L);
  }
}
