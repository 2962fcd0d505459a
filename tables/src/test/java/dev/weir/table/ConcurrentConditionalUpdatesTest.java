package dev.weir.table;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Several workers on the parallel scheduler increment a few counters with optimistic locking
 * (read the version, update on condition it is unchanged, retry on ConditionFailed) while also
 * moving the items between index partitions. No write may be lost or doubled: each counter ends
 * at its number of successful increments, every index equals a recomputation from the final
 * items, and each item's stream shows its versions in order. Fixed seeds choose each worker's
 * operations; the interleaving is the machine's, and no assertion depends on it.
 */
class ConcurrentConditionalUpdatesTest {

  private static final long SEED = 0xC0FFEEL;
  private static final int WORKERS = 6;
  private static final int OPERATIONS = 150;
  private static final int ITEMS = 2;
  private static final List<String> SLOTS = List.of("s0", "s1", "s2");
  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  private final TablesFixture f = new TablesFixture();
  private final TableSchema schema = TableSchema.builder("counters")
      .partitionKey("pk", AttributeType.S)
      .globalIndex("by-slot", KeySchema.of(KeyAttribute.string("slot"),
          KeyAttribute.number("hits")), Projection.include("version"))
      .globalIndex("by-hits", KeySchema.of(KeyAttribute.number("hits")), Projection.keysOnly())
      .stream(StreamView.NEW_IMAGE)
      .build();
  private final Table counters = f.create(schema);
  private final AtomicLongArray increments = new AtomicLongArray(ITEMS);

  @AfterEach
  void close() {
    f.close();
  }

  private static Item key(int item) {
    return Item.builder().string("pk", "c" + item).build();
  }

  /** One increment, retried from a fresh read until its version condition holds. */
  private Mono<Void> increment(int item) {
    // the hop between the read and the write lets other workers' writes in between
    return Mono.defer(() -> counters.getItem(key(item)).publishOn(Schedulers.parallel())
        .flatMap(read -> counters.updateItem(
            key(item), "SET hits = hits + :one, version = version + :one",
            WriteOptions.builder().condition("version = :read")
                .value(":read", read.get("version")).value(":one", number(1)).build())))
        .retryWhen(Retry.max(100_000).filter(e -> e instanceof ConditionFailedException))
        .doOnSuccess(done -> increments.incrementAndGet(item))
        .then();
  }

  /** Moves the item to another slot: its by-slot entry changes partition, its counter not. */
  private Mono<Void> move(int item, String slot) {
    return counters.updateItem(key(item), "SET slot = :s", WriteOptions.builder()
        .condition("attribute_exists(pk)").value(":s", string(slot)).build()).then();
  }

  private Mono<Void> worker(int w) {
    SplittableRandom r = new SplittableRandom(SEED + w);
    return Flux.range(0, OPERATIONS)
        .concatMap(i -> {
          int item = r.nextInt(ITEMS);
          return r.nextInt(4) == 0 ? move(item, SLOTS.get(r.nextInt(SLOTS.size())))
              : increment(item);
        })
        .subscribeOn(Schedulers.parallel())
        .then();
  }

  @Test
  void conditionalIncrementsFromManyThreadsCountEverySuccessAndKeepIndexesExact() {
    for (int i = 0; i < ITEMS; i++) {
      counters.putItem(key(i).with("hits", number(0)).with("version", number(0))
          .with("slot", string("s0"))).block();
    }
    Flux.range(0, WORKERS).flatMap(this::worker, WORKERS).blockLast(HANG_GUARD);

    List<Item> items = counters.scan(Scan.all()).collectList().block();
    assertEquals(ITEMS, items.size());
    long total = 0;
    for (Item item : items) {
      int i = Integer.parseInt(item.getString("pk").substring(1));
      assertEquals(increments.get(i), item.getLong("hits"), "hits of " + item);
      assertEquals(increments.get(i), item.getLong("version"), "version of " + item);
      total += increments.get(i);
    }
    assertTrue(total > 0);

    ItemModel model = new ItemModel(schema);
    items.forEach(item -> model.write(model.keyOf(item), item));
    for (SecondaryIndex index : schema.indexes()) {
      assertEquals(model.indexEntries(index, f.nowSeconds()),
          counters.scan(Scan.builder().index(index.name()).build()).collectList().block(),
          index.name());
    }
    assertEquals(Map.of("by-slot", (long) ITEMS, "by-hits", (long) ITEMS),
        counters.describe().block().indexItemCounts());

    Item marker = Item.builder().string("pk", "marker").build();
    counters.putItem(marker).block();
    Map<String, List<Long>> versions = new HashMap<>();
    for (StreamRecord record : counters.stream(1).takeUntil(rec -> rec.keys().equals(marker))
        .collectList().block(HANG_GUARD)) {
      Item image = record.newImage();
      if (image.contains("version")) {
        versions.computeIfAbsent(image.getString("pk"), pk -> new ArrayList<>())
            .add(image.getLong("version"));
      }
    }
    for (int i = 0; i < ITEMS; i++) {
      List<Long> seen = versions.get("c" + i);
      long increment = 0;
      for (int at = 1; at < seen.size(); at++) {
        long step = seen.get(at) - seen.get(at - 1);
        assertTrue(step == 0 || step == 1, "c" + i + "'s versions in commit order: " + seen);
        increment += step;
      }
      assertEquals(increments.get(i), increment, "c" + i + "'s stream counts every increment");
    }
  }
}
