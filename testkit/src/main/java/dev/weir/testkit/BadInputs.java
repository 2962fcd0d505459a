package dev.weir.testkit;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.SnapshotClosedException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * The enumerated bad inputs of RELIABILITY.md, as operation x bad argument combinations. Every
 * case is refused with a typed error and must change nothing; {@link ReactiveStoreConformance}
 * checks both. The cases name their input so a failure reads as a sentence.
 */
final class BadInputs {

  private static final Class<InvalidArgumentException> INVALID = InvalidArgumentException.class;
  private static final Bytes K = Bytes.utf8("bad-input:key");
  private static final Bytes V = Bytes.utf8("value");

  private final ReactiveStore store;
  private final StoreSnapshot snapshot;
  private final StoreLimits limits;
  private final List<BadInput> cases = new ArrayList<>();

  private BadInputs(ReactiveStore store, StoreSnapshot snapshot, StoreLimits limits) {
    this.store = store;
    this.snapshot = snapshot;
    this.limits = limits;
  }

  /** Every case against an open store; {@code snapshot} must be open. */
  static List<BadInput> against(ReactiveStore store, StoreSnapshot snapshot, StoreLimits limits) {
    BadInputs b = new BadInputs(store, snapshot, limits);
    b.keys();
    b.values();
    b.keysAndValuesTogether();
    b.ttls();
    b.ranges();
    b.batches();
    b.demand();
    return b.cases;
  }

  // ------------------------------------------------------------------ arguments

  static Bytes filled(int length) {
    byte[] a = new byte[length];
    Arrays.fill(a, (byte) 'k');
    return Bytes.wrap(a);
  }

  private Map<String, Bytes> badKeys() {
    Map<String, Bytes> m = new LinkedHashMap<>();
    m.put("null key", null);
    m.put("empty key", Bytes.EMPTY);
    m.put("key one past maxKeySize", filled(limits.maxKeySize() + 1));
    m.put("key far past maxKeySize", filled(limits.maxKeySize() * 2 + 7));
    return m;
  }

  private Map<String, Bytes> badValues() {
    Map<String, Bytes> m = new LinkedHashMap<>();
    m.put("null value", null);
    m.put("value one past maxValueSize", filled(limits.maxValueSize() + 1));
    m.put("value far past maxValueSize", filled(limits.maxValueSize() * 2 + 7));
    return m;
  }

  static Map<String, Duration> badTtls() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("zero ttl", Duration.ZERO);
    m.put("ttl of -1ns", Duration.ofNanos(-1));
    m.put("ttl of -1ms", Duration.ofMillis(-1));
    m.put("ttl of -1 day", Duration.ofDays(-1));
    m.put("most negative ttl", Duration.ofSeconds(Long.MIN_VALUE));
    m.put("ttl of Long.MAX_VALUE ms (overflows the clock)", Duration.ofMillis(Long.MAX_VALUE));
    m.put("ttl of Long.MAX_VALUE s (overflows millis)", Duration.ofSeconds(Long.MAX_VALUE));
    m.put("FOREVER ttl", ChronoUnit.FOREVER.getDuration());
    return m;
  }

  /** Puts in every form, each taking a key and a value. */
  private Map<String, PutCall> putForms() {
    Map<String, PutCall> m = new LinkedHashMap<>();
    m.put("put", (k, v) -> store.put(k, v));
    m.put("put(defaults)", (k, v) -> store.put(k, v, PutOptions.defaults()));
    m.put("put(null options)", (k, v) -> store.put(k, v, null));
    m.put("put(ifAbsent)", (k, v) -> store.put(k, v, PutOptions.ifAbsent()));
    m.put("put(ifSequence 1)", (k, v) -> store.put(k, v, PutOptions.ifSequence(1)));
    m.put("put(ttl 1h)", (k, v) -> store.put(k, v, PutOptions.ttl(Duration.ofHours(1))));
    m.put("put(ifAbsent, ttl 1h)",
        (k, v) -> store.put(k, v, PutOptions.ifAbsent().withTtl(Duration.ofHours(1))));
    m.put("batch put", (k, v) -> store.write(WriteBatch.builder().put(k, v).build()));
    m.put("batch put(ttl 1h)",
        (k, v) -> store.write(WriteBatch.builder().put(k, v, Duration.ofHours(1)).build()));
    m.put("batch of 3 with a put in the middle", (k, v) -> store.write(
        WriteBatch.builder().put(Bytes.utf8("b:x"), V).put(k, v).delete(Bytes.utf8("a:1"))
            .build()));
    return m;
  }

  interface PutCall {
    Publisher<?> call(Bytes key, Bytes value);
  }

  private void add(String name, Supplier<? extends Publisher<?>> call,
      Class<? extends Throwable> expected) {
    cases.add(BadInput.of(name, call, expected));
  }

  // ------------------------------------------------------------------ sections

  private void keys() {
    Map<String, Function<Bytes, Publisher<?>>> ops = new LinkedHashMap<>();
    ops.put("get", store::get);
    ops.put("getEntry", store::getEntry);
    ops.put("delete", store::delete);
    ops.put("snapshot get", snapshot::get);
    ops.put("snapshot getEntry", snapshot::getEntry);
    ops.put("batch delete", k -> store.write(WriteBatch.builder().delete(k).build()));
    ops.put("batch deletePrefix", k -> store.write(WriteBatch.builder().deletePrefix(k).build()));
    ops.put("batch deleteRange from",
        k -> store.write(WriteBatch.builder().deleteRange(k, Bytes.utf8("zzz")).build()));
    ops.put("deletePrefix", store::deletePrefix);
    for (Map.Entry<String, PutCall> put : putForms().entrySet()) {
      ops.put(put.getKey(), k -> put.getValue().call(k, V));
    }
    badKeys().forEach((what, key) -> ops.forEach(
        (op, f) -> add(op + " with " + what, () -> f.apply(key), INVALID)));

    // a null prefix or end bound is legal (everything, or open); oversized ones are not
    Map<String, Function<Bytes, Publisher<?>>> bounds = new LinkedHashMap<>();
    bounds.put("scan(prefix)", store::scan);
    bounds.put("snapshot scan(prefix)", snapshot::scan);
    bounds.put("scan(range from)", k -> store.scan(KeyRange.of(k, null)));
    bounds.put("scan(range to)", k -> store.scan(KeyRange.of(null, k)));
    bounds.put("scan(KeyRange.prefix)", k -> store.scan(KeyRange.prefix(k)));
    bounds.put("snapshot scan(range from)", k -> snapshot.scan(KeyRange.of(k, null)));
    bounds.put("snapshot scan(range to)", k -> snapshot.scan(KeyRange.of(null, k)));
    bounds.put("batch deleteRange to",
        k -> store.write(WriteBatch.builder().deleteRange(Bytes.utf8("a"), k).build()));
    badKeys().forEach((what, key) -> {
      if (key != null && !key.isEmpty()) {
        bounds.forEach((op, f) -> add(op + " with " + what, () -> f.apply(key), INVALID));
      }
    });
    add("scan(null prefix)", () -> store.scan((Bytes) null), INVALID);
    add("snapshot scan(null prefix)", () -> snapshot.scan((Bytes) null), INVALID);
    add("deletePrefix with empty prefix", () -> store.deletePrefix(Bytes.EMPTY), INVALID);
    add("batch deleteRange with empty end",
        () -> store.write(WriteBatch.builder().deleteRange(Bytes.utf8("a"), Bytes.EMPTY).build()),
        INVALID);
  }

  private void values() {
    badValues().forEach((what, value) -> putForms().forEach(
        (op, f) -> add(op + " with " + what, () -> f.call(K, value), INVALID)));
  }

  private void keysAndValuesTogether() {
    badKeys().forEach((kw, key) -> badValues().forEach((vw, value) -> putForms().forEach(
        (op, f) -> add(op + " with " + kw + " and " + vw, () -> f.call(key, value), INVALID))));
  }

  private void ttls() {
    Map<String, Function<Duration, Publisher<?>>> ops = new LinkedHashMap<>();
    ops.put("put(ttl)", t -> store.put(K, V, PutOptions.ttl(t)));
    ops.put("put(defaults with ttl)", t -> store.put(K, V, PutOptions.defaults().withTtl(t)));
    ops.put("put(ifAbsent with ttl)", t -> store.put(K, V, PutOptions.ifAbsent().withTtl(t)));
    ops.put("put(ifSequence 1 with ttl)",
        t -> store.put(K, V, PutOptions.ifSequence(1).withTtl(t)));
    ops.put("batch put(ttl)", t -> store.write(WriteBatch.builder().put(K, V, t).build()));
    ops.put("batch of 3 with put(ttl) last", t -> store.write(WriteBatch.builder()
        .put(Bytes.utf8("b:y"), V).delete(Bytes.utf8("a:2")).put(K, V, t).build()));
    badTtls().forEach((what, ttl) -> ops.forEach(
        (op, f) -> add(op + " with " + what, () -> f.apply(ttl), INVALID)));
  }

  private void ranges() {
    Map<String, KeyRange> bad = new LinkedHashMap<>();
    Bytes a = Bytes.utf8("a");
    Bytes b = Bytes.utf8("b");
    bad.put("from after to", KeyRange.of(b, a));
    bad.put("from a longer key after to", KeyRange.of(Bytes.utf8("ab"), a));
    bad.put("from 0xff after to 0x00", KeyRange.of(Bytes.fromHex("ff"), Bytes.fromHex("00")));
    bad.put("from after to, with a limit", KeyRange.of(b, a).limit(5));
    bad.put("limit 0", KeyRange.all().limit(0));
    bad.put("limit -1", KeyRange.all().limit(-1));
    bad.put("limit Long.MIN_VALUE", KeyRange.all().limit(Long.MIN_VALUE));
    bad.put("limit 0 on a bounded range", KeyRange.of(a, b).limit(0));
    bad.put("limit -1 on from==to", KeyRange.of(a, a).limit(-1));
    bad.put("limit 0 on a prefix", KeyRange.prefix(a).limit(0));
    bad.put("oversized from", KeyRange.from(filled(limits.maxKeySize() + 1)));
    bad.put("oversized to", KeyRange.until(filled(limits.maxKeySize() + 1)));
    for (boolean reverse : new boolean[] {false, true}) {
      String dir = reverse ? " (reverse)" : "";
      bad.forEach((what, range) -> {
        KeyRange r = range.reverse(reverse);
        add("scan with " + what + dir, () -> store.scan(r), INVALID);
        add("snapshot scan with " + what + dir, () -> snapshot.scan(r), INVALID);
      });
    }
    // a null range is covered by a test of its own while it fails (see the report of issue 2)
  }

  private void batches() {
    int max = limits.maxBatchOps();
    add("write(null batch)", () -> store.write(null), INVALID);
    add("write(empty batch)", () -> store.write(WriteBatch.builder().build()), INVALID);
    add("batch of maxBatchOps+1 puts", () -> store.write(puts(max + 1)), INVALID);
    add("batch of 2*maxBatchOps+1 puts", () -> store.write(puts(2 * max + 1)), INVALID);
    add("batch of maxBatchOps+1 deletes", () -> {
      WriteBatch.Builder w = WriteBatch.builder();
      for (int i = 0; i <= max; i++) {
        w.delete(Bytes.utf8("a:" + i));
      }
      return store.write(w.build());
    }, INVALID);

    Map<String, Consumer<WriteBatch.Builder>> badOps = new LinkedHashMap<>();
    badKeys().forEach((what, key) -> {
      badOps.put("put with " + what, w -> w.put(key, V));
      badOps.put("delete with " + what, w -> w.delete(key));
      badOps.put("deletePrefix with " + what, w -> w.deletePrefix(key));
      badOps.put("deleteRange from " + what, w -> w.deleteRange(key, null));
      badOps.put("log with " + what, w -> w.log(key, V));
    });
    badValues().forEach((what, value) -> {
      badOps.put("put with " + what, w -> w.put(K, value));
      badOps.put("log with " + what, w -> w.log(K, value));
    });
    badTtls().forEach((what, ttl) -> badOps.put("put with " + what, w -> w.put(K, V, ttl)));
    badOps.put("deleteRange from after to",
        w -> w.deleteRange(Bytes.utf8("b"), Bytes.utf8("a")));
    badOps.put("deleteRange to oversized",
        w -> w.deleteRange(Bytes.utf8("a"), filled(limits.maxKeySize() + 1)));
    String[] positions = {"alone", "first", "middle", "last"};
    badOps.forEach((what, bad) -> {
      for (String pos : positions) {
        add("batch with a bad " + what + " (" + pos + ")",
            () -> store.write(batchWith(bad, pos)), INVALID);
      }
    });
  }

  /** Good operations that would show in the digest around one bad one: all or nothing. */
  private WriteBatch batchWith(Consumer<WriteBatch.Builder> bad, String pos) {
    if (limits.maxBatchOps() < 5) {
      pos = "alone";
    }
    WriteBatch.Builder w = WriteBatch.builder();
    if (pos.equals("alone")) {
      bad.accept(w);
      return w.build();
    }
    if (pos.equals("first")) {
      bad.accept(w);
    }
    w.put(Bytes.utf8("a:1"), Bytes.utf8("changed")).delete(Bytes.utf8("a:2"));
    if (pos.equals("middle")) {
      bad.accept(w);
    }
    w.deletePrefix(Bytes.utf8("b:")).put(Bytes.utf8("new"), V);
    if (pos.equals("last")) {
      bad.accept(w);
    }
    return w.build();
  }

  private static WriteBatch puts(int n) {
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < n; i++) {
      w.put(Bytes.utf8("oversized:" + i), V);
    }
    return w.build();
  }

  private void demand() {
    Map<String, Supplier<Publisher<?>>> scans = new LinkedHashMap<>();
    scans.put("scan(prefix)", () -> store.scan(Bytes.utf8("a:")));
    scans.put("scan(all)", () -> store.scan(KeyRange.all()));
    scans.put("scan(range, reverse)",
        () -> store.scan(KeyRange.of(Bytes.utf8("a"), Bytes.utf8("c")).reversed()));
    scans.put("scan(limit 3)", () -> store.scan(KeyRange.all().limit(3)));
    scans.put("scan of an empty range", () -> store.scan(KeyRange.prefix(Bytes.utf8("none"))));
    scans.put("snapshot scan(prefix)", () -> snapshot.scan(Bytes.utf8("a:")));
    scans.put("snapshot scan(range)", () -> snapshot.scan(KeyRange.all()));
    for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
      scans.forEach((what, s) -> cases.add(new BadInput(
          what + " with request(" + n + ")", s, IllegalArgumentException.class, n)));
    }
  }

  // ------------------------------------------------------------------ closed things

  /** Reads through a closed snapshot of an open store. */
  static List<BadInput> throughClosedSnapshot(StoreSnapshot closed) {
    Class<SnapshotClosedException> e = SnapshotClosedException.class;
    List<BadInput> out = new ArrayList<>();
    out.add(BadInput.of("closed snapshot get", () -> closed.get(Bytes.utf8("a:1")), e));
    out.add(BadInput.of("closed snapshot get of an absent key",
        () -> closed.get(Bytes.utf8("absent")), e));
    out.add(BadInput.of("closed snapshot getEntry", () -> closed.getEntry(Bytes.utf8("a:1")), e));
    out.add(BadInput.of("closed snapshot scan(prefix)", () -> closed.scan(Bytes.utf8("a:")), e));
    out.add(BadInput.of("closed snapshot scan(empty prefix)", () -> closed.scan(Bytes.EMPTY), e));
    out.add(BadInput.of("closed snapshot scan(all)", () -> closed.scan(KeyRange.all()), e));
    out.add(BadInput.of("closed snapshot scan(all, reverse)",
        () -> closed.scan(KeyRange.all().reversed()), e));
    out.add(BadInput.of("closed snapshot scan(range, limit 1)",
        () -> closed.scan(KeyRange.of(Bytes.utf8("a"), Bytes.utf8("z")).limit(1)), e));
    return out;
  }

  /** Every operation of a closed store, with good arguments. */
  static List<BadInput> onClosedStore(ReactiveStore closed, StoreSnapshot takenBefore) {
    Class<StoreClosedException> e = StoreClosedException.class;
    Bytes k = Bytes.utf8("a:1");
    List<BadInput> out = new ArrayList<>();
    out.add(BadInput.of("get", () -> closed.get(k), e));
    out.add(BadInput.of("get of an absent key", () -> closed.get(Bytes.utf8("absent")), e));
    out.add(BadInput.of("getEntry", () -> closed.getEntry(k), e));
    out.add(BadInput.of("put", () -> closed.put(k, V), e));
    out.add(BadInput.of("put(defaults)", () -> closed.put(k, V, PutOptions.defaults()), e));
    out.add(BadInput.of("put(ifAbsent)", () -> closed.put(k, V, PutOptions.ifAbsent()), e));
    out.add(BadInput.of("put(ifSequence 1)", () -> closed.put(k, V, PutOptions.ifSequence(1)), e));
    out.add(BadInput.of("put(ttl)", () -> closed.put(k, V, PutOptions.ttl(Duration.ofHours(1))),
        e));
    out.add(BadInput.of("delete", () -> closed.delete(k), e));
    out.add(BadInput.of("deletePrefix", () -> closed.deletePrefix(Bytes.utf8("a:")), e));
    out.add(BadInput.of("scan(prefix)", () -> closed.scan(Bytes.utf8("a:")), e));
    out.add(BadInput.of("scan(empty prefix)", () -> closed.scan(Bytes.EMPTY), e));
    out.add(BadInput.of("scan(all)", () -> closed.scan(KeyRange.all()), e));
    out.add(BadInput.of("scan(all, reverse, limit 1)",
        () -> closed.scan(KeyRange.all().reversed().limit(1)), e));
    out.add(BadInput.of("write(batch)",
        () -> closed.write(WriteBatch.builder().put(k, V).delete(Bytes.utf8("a:2")).build()), e));
    out.add(BadInput.of("write(batch of a log record)",
        () -> closed.write(WriteBatch.builder().log(k, V).build()), e));
    out.add(BadInput.of("snapshot()", closed::snapshot, e));
    out.add(BadInput.of("compact()", closed::compact, e));
    out.add(BadInput.of("snapshot taken before close: get", () -> takenBefore.get(k), e));
    out.add(BadInput.of("snapshot taken before close: getEntry", () -> takenBefore.getEntry(k),
        e));
    out.add(BadInput.of("snapshot taken before close: scan(all)",
        () -> takenBefore.scan(KeyRange.all()), e));
    out.add(BadInput.of("snapshot taken before close: scan(prefix)",
        () -> takenBefore.scan(Bytes.utf8("a:")), e));
    return out;
  }
}
