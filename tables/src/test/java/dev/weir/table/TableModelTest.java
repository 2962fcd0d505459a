package dev.weir.table;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Random item operations with fixed seeds against {@link ItemModel}: puts, updates and deletes
 * with and without conditions, batch writes and transactions over two tables, TTL on virtual
 * time. The model predicts each operation's outcome (done, condition failed, refused, cancelled
 * with these reasons) and what it returns; after every step the table's scan equals the model's
 * live items, and every index's scan and each of its partitions' queries equal the entries
 * recomputed from the model, so a failed write that changed anything, or an index entry left
 * behind, shows at once. At the end the stream, replayed, rebuilds the table with each record's
 * old image equal to the image before it.
 */
class TableModelTest {

  private static final long BASE_SEED = 0x7AB1E5L;
  /** 50 sequences in CI; the soak profile's {@code -Dweir.modelSequences=50000} runs 2,500. */
  private static final int SEQUENCES =
      Math.max(4, Integer.getInteger("weir.modelSequences", 1000) / 20);
  private static final int STEPS = 60;

  private static final List<String> PARTITIONS = List.of("p0", "p1", "p2");
  private static final List<String> GROUPS = List.of("g0", "g1", "g2");
  private static final List<String> FLAGS = List.of("f0", "f1");

  static TableSchema modelSchema() {
    return TableSchema.builder("model")
        .partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.N)
        .localIndex("by-pos", KeyAttribute.number("pos"), Projection.keysOnly())
        .globalIndex("by-grp", KeySchema.of(KeyAttribute.string("grp"),
            KeyAttribute.number("score")), Projection.include("tag", "pos"))
        .globalIndex("by-flag", KeySchema.of(KeyAttribute.string("flag")), Projection.all())
        .ttl("expires")
        .stream(StreamView.NEW_AND_OLD_IMAGES)
        .build();
  }

  static TableSchema plainSchema() {
    return TableSchema.builder("plain").partitionKey("pk", AttributeType.S).build();
  }

  @Test
  void randomItemOperationsKeepTheTableAndEveryIndexEqualToTheModel() {
    for (int i = 0; i < SEQUENCES; i++) {
      long seed = BASE_SEED + i;
      try (Sequence sequence = new Sequence(seed)) {
        sequence.run();
      } catch (Throwable t) {
        throw new AssertionError("seed " + seed + ": " + t, t);
      }
    }
  }

  /** What an operation must end with, by the model. */
  private enum Kind {
    DONE,
    CONDITION_FAILED,
    INVALID,
    CANCELED
  }

  private record Expected(Kind kind, List<CancellationReason.Code> reasons) {
    static final Expected DONE = new Expected(Kind.DONE, List.of());
    static final Expected CONDITION_FAILED = new Expected(Kind.CONDITION_FAILED, List.of());
    static final Expected INVALID = new Expected(Kind.INVALID, List.of());
  }

  /** An update the model can predict: where it fails and what it makes of an item. */
  private record Update(String text, Map<String, String> names,
      Map<String, AttributeValue> values, Set<String> touched, boolean refusedUpFront,
      UnaryOperator<Item> apply) {}

  /** A condition: none (null text), or an expression with its meaning on the current item. */
  private record Condition(String text, Map<String, AttributeValue> values,
      Predicate<Item> holds) {
    static final Condition NONE = new Condition(null, Map.of(), current -> true);
  }

  /** An update the model knows cannot apply to an item. */
  private static final class CannotApply extends RuntimeException {
    CannotApply() {
      super(null, null, false, false);
    }
  }

  /** One write as the model sees it: its table, key, condition and the change it makes. */
  private record Change(ItemModel model, Item key, Condition condition, boolean refusedUpFront,
      UnaryOperator<Item> next) {}

  private final class Sequence implements AutoCloseable {
    private final Random r;
    // no background sweep: the stream replay at the end must see every removal it made
    private final TablesFixture f = new TablesFixture(Duration.ofDays(365));
    private final ItemModel model = new ItemModel(modelSchema());
    private final ItemModel plain = new ItemModel(plainSchema());
    private final Table modelTable = f.create(modelSchema());
    private final Table plainTable = f.create(plainSchema());
    private int step;

    Sequence(long seed) {
      this.r = new Random(seed);
    }

    void run() {
      for (step = 0; step < STEPS; step++) {
        step();
        verify();
      }
      verifyStreamReplay();
    }

    private long now() {
      return f.nowSeconds();
    }

    // ---------------------------------------------------------------- random values

    private Item modelKey() {
      return Item.builder().string("pk", PARTITIONS.get(r.nextInt(3))).number("sk", r.nextInt(5))
          .build();
    }

    private Item plainKey() {
      return Item.builder().string("pk", "q" + r.nextInt(4)).build();
    }

    private AttributeValue score() {
      return r.nextInt(4) == 0 ? number((r.nextInt(7) - 3) + ".5") : number(r.nextInt(7) - 3);
    }

    private Item modelItem(Item key) {
      Item.Builder b = key.toBuilder();
      if (r.nextInt(10) < 9) {
        b.string("grp", GROUPS.get(r.nextInt(3)));
      }
      if (r.nextInt(10) < 8) {
        b.attribute("score", score());
      }
      if (r.nextInt(4) == 0) {
        b.string("flag", FLAGS.get(r.nextInt(2)));
      }
      if (r.nextInt(10) < 7) {
        b.number("pos", r.nextInt(5));
      }
      if (r.nextBoolean()) {
        b.string("tag", "t" + r.nextInt(3));
      }
      if (r.nextInt(10) < 4) {
        b.string("note", "n" + r.nextInt(100));
      }
      b.number("version", r.nextInt(4));
      int e = r.nextInt(20);
      if (e < 6) {
        b.number("expires", now() + r.nextInt(12) - 2);
      } else if (e == 6) {
        b.string("expires", "soon"); // not a number: never expires
      }
      return b.build();
    }

    /** An item with an index key attribute of the wrong type: refused before anything. */
    private Item invalidModelItem(Item key) {
      Item item = modelItem(key);
      return switch (r.nextInt(4)) {
        case 0 -> item.with("grp", number(1));
        case 1 -> item.with("score", string("x"));
        case 2 -> item.with("flag", number(2));
        default -> item.with("pos", string(""));
      };
    }

    private Item plainItem(Item key) {
      return key.with("v", number(r.nextInt(3)));
    }

    private Condition modelCondition() {
      int v = r.nextInt(4);
      return switch (r.nextInt(6)) {
        case 2 -> new Condition("attribute_not_exists(pk)", Map.of(), c -> c == null);
        case 3 -> new Condition("attribute_exists(pk)", Map.of(), c -> c != null);
        case 4 -> new Condition("version = :cv", Map.of(":cv", number(v)),
            c -> c != null && c.contains("version") && c.getLong("version") == v);
        case 5 -> new Condition("attribute_not_exists(pk) OR version < :cv",
            Map.of(":cv", number(v)),
            c -> c == null || (c.contains("version") && c.getLong("version") < v));
        default -> Condition.NONE;
      };
    }

    private Condition plainCondition() {
      int v = r.nextInt(3);
      return switch (r.nextInt(5)) {
        case 2 -> new Condition("attribute_not_exists(pk)", Map.of(), c -> c == null);
        case 3 -> new Condition("attribute_exists(pk)", Map.of(), c -> c != null);
        case 4 -> new Condition("v = :cv", Map.of(":cv", number(v)),
            c -> c != null && c.getLong("v") == v);
        default -> Condition.NONE;
      };
    }

    private Update update() {
      switch (r.nextInt(12)) {
        case 0: {
          String g = GROUPS.get(r.nextInt(3));
          return update("SET grp = :g", Map.of(":g", string(g)), Set.of("grp"),
              b -> b.with("grp", string(g)));
        }
        case 1:
          return update("SET grp = :bad", Map.of(":bad", number(1)), Set.of("grp"), b -> {
            throw new CannotApply(); // an index key of the wrong type
          });
        case 2:
          return update("REMOVE flag", Map.of(), Set.of("flag"), b -> b.without("flag"));
        case 3: {
          String flag = FLAGS.get(r.nextInt(2));
          return update("SET flag = :f", Map.of(":f", string(flag)), Set.of("flag"),
              b -> b.with("flag", string(flag)));
        }
        case 4:
          return update("ADD version :one", Map.of(":one", number(1)), Set.of("version"),
              b -> b.with("version", number(b.contains("version") ? b.getLong("version") + 1
                  : 1)));
        case 5: {
          int d = r.nextInt(7) - 3;
          return update("SET score = if_not_exists(score, :zero) + :d",
              Map.of(":zero", number(0), ":d", number(d)), Set.of("score"),
              b -> b.with("score", AttributeValue.number((b.contains("score")
                  ? b.getNumber("score") : java.math.BigDecimal.ZERO)
                  .add(java.math.BigDecimal.valueOf(d)))));
        }
        case 6: {
          int p = r.nextInt(5);
          return update("SET pos = :p REMOVE tag", Map.of(":p", number(p)),
              Set.of("pos", "tag"), b -> b.with("pos", number(p)).without("tag"));
        }
        case 7: {
          long e = now() + r.nextInt(12) - 2;
          return new Update("SET #e = :e", Map.of("#e", "expires"), Map.of(":e", number(e)),
              Set.of("expires"), false, b -> b.with("expires", number(e)));
        }
        case 8:
          return new Update("REMOVE #e", Map.of("#e", "expires"), Map.of(), Set.of("expires"),
              false, b -> b.without("expires"));
        case 9:
          return update("SET pos = pos + :one", Map.of(":one", number(1)), Set.of("pos"), b -> {
            if (!b.contains("pos")) {
              throw new CannotApply(); // an operand that does not exist
            }
            return b.with("pos", number(b.getLong("pos") + 1));
          });
        case 10: {
          String tag = "t" + r.nextInt(3);
          String note = "n" + r.nextInt(100);
          return update("SET tag = :t, note = :n", Map.of(":t", string(tag), ":n",
              string(note)), Set.of("tag", "note"), b -> b.with("tag", string(tag))
              .with("note", string(note)));
        }
        default:
          return new Update("SET sk = :x", Map.of(), Map.of(":x", number(r.nextInt(5))),
              Set.of("sk"), true, b -> {
                throw new CannotApply(); // a key attribute: refused up front
              });
      }
    }

    private Update update(String text, Map<String, AttributeValue> values, Set<String> touched,
        UnaryOperator<Item> apply) {
      return new Update(text, Map.of(), values, touched, false, apply);
    }

    private WriteOptions options(Condition c, Update u, ReturnValues rv, boolean returnOld) {
      WriteOptions.Builder b = WriteOptions.builder().returnValues(rv)
          .returnOldOnConditionFailure(returnOld).values(c.values());
      if (c.text() != null) {
        b.condition(c.text());
      }
      if (u != null) {
        b.values(u.values()).names(u.names());
      }
      return b.build();
    }

    // ---------------------------------------------------------------- steps

    private void step() {
      int op = r.nextInt(100);
      if (op < 22) {
        putOrDeleteModelItem(true);
      } else if (op < 44) {
        updateModelItem();
      } else if (op < 54) {
        putOrDeleteModelItem(false);
      } else if (op < 62) {
        writePlainItem();
      } else if (op < 70) {
        batchWrite();
      } else if (op < 84) {
        transactWrite();
      } else {
        f.time.advanceTimeBy(Duration.ofSeconds(1 + r.nextInt(3)));
        if (r.nextInt(3) == 0) {
          f.tables.table("model").sweepExpired().block();
        }
      }
    }

    /** A put (sometimes of an invalid item) or a delete, maybe conditional, maybe ALL_OLD. */
    private void putOrDeleteModelItem(boolean put) {
      Item key = modelKey();
      boolean invalid = put && r.nextInt(20) == 0;
      Item item = !put ? null : invalid ? invalidModelItem(key) : modelItem(key);
      Condition c = modelCondition();
      boolean allOld = r.nextBoolean();
      boolean returnOld = r.nextBoolean();
      Item current = model.live(key, now());
      WriteOptions o =
          options(c, null, allOld ? ReturnValues.ALL_OLD : ReturnValues.NONE, returnOld);
      Mono<Item> call = put ? modelTable.putItem(item, o) : modelTable.deleteItem(key, o);
      if (invalid) {
        expect(call, Expected.INVALID, null, current, returnOld);
      } else if (!c.holds().test(current)) {
        expect(call, Expected.CONDITION_FAILED, null, current, returnOld);
      } else {
        expect(call, Expected.DONE, allOld ? current : null, current, returnOld);
        model.write(key, item);
      }
    }

    private void updateModelItem() {
      Item key = modelKey();
      Update u = update();
      Condition c = modelCondition();
      ReturnValues rv = ReturnValues.values()[r.nextInt(ReturnValues.values().length)];
      boolean returnOld = r.nextBoolean();
      Item current = model.live(key, now());
      Mono<Item> call = modelTable.updateItem(key, u.text(), options(c, u, rv, returnOld));
      if (u.refusedUpFront()) {
        expect(call, Expected.INVALID, null, current, returnOld);
        return;
      }
      if (!c.holds().test(current)) {
        expect(call, Expected.CONDITION_FAILED, null, current, returnOld);
        return;
      }
      Item next;
      try {
        next = u.apply().apply(current != null ? current : key);
      } catch (CannotApply e) {
        expect(call, Expected.INVALID, null, current, returnOld);
        return;
      }
      Item returned = switch (rv) {
        case NONE -> null;
        case ALL_OLD -> current;
        case ALL_NEW -> next;
        case UPDATED_OLD -> current == null ? null : ItemModel.only(current, u.touched());
        case UPDATED_NEW -> ItemModel.only(next, u.touched());
      };
      expect(call, Expected.DONE, returned == null || returned.isEmpty() ? null : returned,
          current, returnOld);
      model.write(key, next);
    }

    /** Plain-table puts and deletes: unconditional ones write blind, with no read first. */
    private void writePlainItem() {
      Item key = plainKey();
      Condition c = r.nextInt(3) == 0 ? plainCondition() : Condition.NONE;
      Item current = plain.live(key, now());
      boolean put = r.nextInt(3) > 0;
      Item item = plainItem(key);
      WriteOptions o = options(c, null, ReturnValues.NONE, false);
      Mono<Item> call = put ? plainTable.putItem(item, o) : plainTable.deleteItem(key, o);
      if (!c.holds().test(current)) {
        expect(call, Expected.CONDITION_FAILED, null, current, false);
      } else {
        expect(call, Expected.DONE, null, current, false);
        plain.write(key, put ? item : null);
      }
    }

    private void batchWrite() {
      List<WriteRequest> requests = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      boolean invalid = false;
      for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
        boolean onModel = r.nextBoolean();
        ItemModel m = onModel ? model : plain;
        String table = m.schema().name();
        Item key = onModel ? modelKey() : plainKey();
        if (r.nextInt(10) < 7) {
          boolean bad = onModel && r.nextInt(20) == 0;
          Item item = bad ? invalidModelItem(key) : onModel ? modelItem(key) : plainItem(key);
          invalid |= bad;
          requests.add(WriteRequest.put(table, item));
          changes.add(new Change(m, key, Condition.NONE, false, current -> item));
        } else {
          requests.add(WriteRequest.delete(table, key));
          changes.add(new Change(m, key, Condition.NONE, false, current -> null));
        }
      }
      Mono<Void> call = f.tables.batchWrite(requests);
      if (invalid || !distinct(changes)) {
        expect(call, Expected.INVALID, null, null, false);
        return;
      }
      expect(call, Expected.DONE, null, null, false);
      changes.forEach(c -> c.model().write(c.key(), c.next().apply(null)));
    }

    private void transactWrite() {
      List<TransactWriteItem> items = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
        boolean onModel = r.nextInt(10) < 7;
        ItemModel m = onModel ? model : plain;
        String table = m.schema().name();
        Item key = onModel ? modelKey() : plainKey();
        Condition c = onModel ? modelCondition() : plainCondition();
        boolean returnOld = r.nextBoolean();
        switch (r.nextInt(onModel ? 4 : 3)) {
          case 0: {
            boolean bad = onModel && r.nextInt(20) == 0;
            Item item = bad ? invalidModelItem(key) : onModel ? modelItem(key) : plainItem(key);
            items.add(TransactWriteItem.put(table, item, options(c, null, ReturnValues.NONE,
                returnOld)));
            changes.add(new Change(m, key, c, bad, current -> item));
            break;
          }
          case 1:
            items.add(TransactWriteItem.delete(table, key, options(c, null, ReturnValues.NONE,
                returnOld)));
            changes.add(new Change(m, key, c, false, current -> null));
            break;
          case 2: {
            Condition check = c.text() != null ? c
                : new Condition("attribute_exists(pk)", Map.of(), current -> current != null);
            items.add(TransactWriteItem.conditionCheck(table, key, options(check, null,
                ReturnValues.NONE, returnOld)));
            changes.add(new Change(m, key, check, false, current -> current));
            break;
          }
          default: {
            Update u = update();
            items.add(TransactWriteItem.update(table, key, u.text(), options(c, u,
                ReturnValues.NONE, returnOld)));
            changes.add(new Change(m, key, c, u.refusedUpFront(),
                current -> u.apply().apply(current != null ? current : key)));
          }
        }
      }
      Mono<Void> call = f.tables.transactWrite(items);
      if (!distinct(changes) || changes.stream().anyMatch(Change::refusedUpFront)) {
        expect(call, Expected.INVALID, null, null, false);
        return;
      }
      List<CancellationReason.Code> reasons = new ArrayList<>();
      List<Item> nexts = new ArrayList<>();
      for (Change c : changes) {
        Item current = c.model().live(c.key(), now());
        if (!c.condition().holds().test(current)) {
          reasons.add(CancellationReason.Code.CONDITIONAL_CHECK_FAILED);
          nexts.add(null);
          continue;
        }
        try {
          nexts.add(c.next().apply(current));
          reasons.add(CancellationReason.Code.NONE);
        } catch (CannotApply e) {
          reasons.add(CancellationReason.Code.VALIDATION_ERROR);
          nexts.add(null);
        }
      }
      if (reasons.stream().anyMatch(code -> code != CancellationReason.Code.NONE)) {
        expect(call, new Expected(Kind.CANCELED, reasons), null, null, false);
        return;
      }
      expect(call, Expected.DONE, null, null, false);
      for (int i = 0; i < changes.size(); i++) {
        changes.get(i).model().write(changes.get(i).key(), nexts.get(i));
      }
    }

    private boolean distinct(List<Change> changes) {
      Set<String> seen = new HashSet<>();
      for (Change c : changes) {
        if (!seen.add(c.model().schema().name() + " " + c.key())) {
          return false;
        }
      }
      return true;
    }

    // ---------------------------------------------------------------- checking

    /**
     * Runs {@code call}: it must end as {@code expected} says, emitting {@code returned} when it
     * is done, and carrying {@code current} when its condition fails and it was asked to.
     */
    private void expect(Mono<?> call, Expected expected, Item returned, Item current,
        boolean returnOld) {
      Object result;
      try {
        result = call.block();
      } catch (Throwable e) {
        switch (expected.kind()) {
          case CONDITION_FAILED -> assertEquals(returnOld ? Optional.ofNullable(current)
                  : Optional.empty(),
              assertInstanceOf(ConditionFailedException.class, e, at()).oldItem(), at());
          case INVALID -> assertInstanceOf(InvalidArgumentException.class, e, at());
          case CANCELED -> assertEquals(expected.reasons(),
              assertInstanceOf(TransactionCanceledException.class, e, at()).reasons().stream()
                  .map(CancellationReason::code).toList(), at());
          default -> throw new AssertionError(at() + ": expected success, got " + e, e);
        }
        return;
      }
      assertEquals(Kind.DONE, expected.kind(), at() + ": the call succeeded");
      assertEquals(returned, result, at() + ": what the write returned");
    }

    private String at() {
      return "step " + step;
    }

    private void verify() {
      long now = now();
      assertEquals(plain.liveItems(now), f.tables.table("plain").scan(Scan.all()).collectList()
          .block(), at() + ": plain table");
      assertEquals(model.liveItems(now), modelTable.scan(Scan.all()).collectList().block(),
          at() + ": model table");
      Map<String, Long> counts = new HashMap<>();
      for (SecondaryIndex index : model.schema().indexes()) {
        List<Item> expected = model.indexEntries(index, now);
        counts.put(index.name(), (long) expected.size());
        assertEquals(expected, modelTable.scan(Scan.builder().index(index.name()).build())
            .collectList().block(), at() + ": scan of " + index.name());
        String partitionKey = index.key().partitionKey().name();
        List<String> partitions = index.isLocal() ? PARTITIONS
            : partitionKey.equals("grp") ? GROUPS : FLAGS;
        for (String partition : partitions) {
          assertEquals(expected.stream()
                  .filter(e -> partition.equals(e.getString(partitionKey))).toList(),
              modelTable.query(Query.builder().index(index.name()).keyCondition("#k = :v")
                  .name("#k", partitionKey).value(":v", string(partition)).build())
                  .collectList().block(),
              at() + ": partition " + partition + " of " + index.name());
        }
      }
      TableDescription d = modelTable.describe().block();
      assertEquals(model.liveItems(now).size(), d.itemCount(), at() + ": item count");
      assertEquals(counts, d.indexItemCounts(), at() + ": index counts");
    }

    /** The stream, replayed from the start, rebuilds the table, each old image exact. */
    private void verifyStreamReplay() {
      f.time.advanceTimeBy(Duration.ofSeconds(30));
      modelTable.sweepExpired().block();
      Item marker = Item.builder().string("pk", "zz").number("sk", 0).build();
      modelTable.putItem(marker).block();
      Map<Item, Item> rebuilt = new LinkedHashMap<>();
      for (StreamRecord record : modelTable.stream(1)
          .takeUntil(rec -> rec.keys().equals(marker)).collectList().block()) {
        Item before = rebuilt.get(record.keys());
        assertEquals(before, record.oldImage(), "old image of " + record);
        if (record.eventType() == StreamRecord.EventType.REMOVE) {
          assertNull(record.newImage());
          rebuilt.remove(record.keys());
        } else {
          assertEquals(before == null ? StreamRecord.EventType.INSERT
              : StreamRecord.EventType.MODIFY, record.eventType(), record.toString());
          rebuilt.put(record.keys(), record.newImage());
        }
      }
      rebuilt.remove(marker);
      assertEquals(new HashSet<>(model.liveItems(now())), new HashSet<>(rebuilt.values()),
          "the stream replayed");
    }

    @Override
    public void close() {
      f.close();
    }
  }
}
