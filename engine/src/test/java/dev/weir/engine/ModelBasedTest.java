package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Random operation sequences against the store and a {@link TreeMap} model (H2's
 * TestRandomMapOps, LevelDB's ModelDB), and the same sequences under extreme settings, which
 * must give identical transcripts (Pebble's metamorphic tests). Every failure names its seed.
 */
class ModelBasedTest {

  private static final long BASE_SEED = 0x5EEDL;
  /** 1,000 in CI; the soak profile runs {@code -Dweir.modelSequences=50000}. */
  private static final int SEQUENCES = Integer.getInteger("weir.modelSequences", 1000);
  private static final int MAX_OPS = 200;

  /** Settings that keep three versions; history transcripts must match among them. */
  static Map<String, Supplier<EngineConfig>> threeVersionSettings() {
    Map<String, Supplier<EngineConfig>> s = new LinkedHashMap<>();
    s.put("versionsToKeep 3", () -> EngineConfig.builder().versionsToKeep(3).build());
    s.put(
        "versionsToKeep 3, tiny memtable, compact after every flush",
        () ->
            EngineConfig.builder()
                .versionsToKeep(3)
                .memtableBytes(1024)
                .level0RunsTrigger(1)
                .level1Bytes(1024)
                .levelSizeMultiplier(2)
                .build());
    return s;
  }

  /** The settings under which every transcript must be the same. */
  static Map<String, Supplier<EngineConfig>> settings() {
    Map<String, Supplier<EngineConfig>> s = new LinkedHashMap<>();
    s.put("default", EngineConfig::defaults);
    s.put(
        "tiny memtable, compact after every flush",
        () ->
            EngineConfig.builder()
                .memtableBytes(1024)
                .level0RunsTrigger(1)
                .level1Bytes(1024)
                .levelSizeMultiplier(2)
                .build());
    s.put(
        "small memtable, one bloom bit",
        () -> EngineConfig.builder().memtableBytes(2048).bloomBitsPerKey(1).level0RunsTrigger(2)
            .level1Bytes(4096).build());
    return s;
  }

  @Test
  void randomSequencesMatchASortedMapModel() {
    for (int i = 0; i < SEQUENCES; i++) {
      long seed = BASE_SEED + i;
      runAgainstModel(seed, EngineConfig.defaults());
    }
  }

  @Test
  void extremeSettingsGiveIdenticalTranscripts() {
    SHAPE_CHANGES.set(0);
    compareTranscripts(settings(), 250);
    // the extreme settings must really have flushed and compacted, or they proved nothing
    Assertions.assertTrue(SHAPE_CHANGES.get() > 1000, "" + SHAPE_CHANGES);
  }

  @Test
  void historyIsTheSameWhateverCompactionDid() {
    compareTranscripts(threeVersionSettings(), 250);
  }

  private static void compareTranscripts(Map<String, Supplier<EngineConfig>> settings, int seeds) {
    for (int i = 0; i < seeds; i++) {
      long seed = BASE_SEED * 31 + i;
      List<String> reference = null;
      for (Map.Entry<String, Supplier<EngineConfig>> setting : settings.entrySet()) {
        List<String> transcript = runAgainstModel(seed, setting.getValue().get());
        if (reference == null) {
          reference = transcript;
        } else {
          assertEquals(reference, transcript, "seed " + seed + " under " + setting.getKey());
        }
      }
    }
  }

  private static final AtomicLong SHAPE_CHANGES =
      new AtomicLong();

  /** Runs one seeded sequence, checking every result against the model; returns them all. */
  static List<String> runAgainstModel(long seed, EngineConfig config) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> transcript = new ArrayList<>();
    TreeMap<String, String> model = new TreeMap<>(ModelBasedTest::unsigned);
    Map<Snapshot, NavigableMap<String, String>> snapshots = new HashMap<>();
    int ops = 1 + rnd.nextInt(MAX_OPS);
    try (Engine engine = Engine.open(config)) {
      for (int step = 0; step < ops; step++) {
        String where = "seed " + seed + " step " + step + " config " + config;
        int op = rnd.nextInt(100);
        if (op < 30) {
          String k = key(rnd);
          String v = "v" + rnd.nextInt(1000);
          Writes.await(cb -> engine.put(b(k), b(v), cb));
          model.put(k, v);
          transcript.add("put " + k);
        } else if (op < 40) {
          String k = key(rnd);
          long existed = Writes.await(cb -> engine.delete(b(k), cb));
          assertEquals(model.remove(k) != null ? 1 : 0, existed, where);
          transcript.add("del " + k + " " + existed);
        } else if (op < 45) {
          String p = key(rnd).substring(0, 1);
          long count = Writes.await(cb -> engine.deletePrefix(b(p), cb));
          NavigableMap<String, String> under = model.subMap(p, true, p + '\uffff', false);
          assertEquals(under.size(), count, where);
          under.clear();
          transcript.add("delprefix " + p + " " + count);
        } else if (op < 55) {
          WriteBatch.Builder batch = WriteBatch.builder();
          int n = 1 + rnd.nextInt(5);
          for (int j = 0; j < n; j++) {
            String k = key(rnd);
            int kind = rnd.nextInt(10);
            if (kind < 6) {
              String v = "b" + rnd.nextInt(1000);
              batch.put(b(k), b(v));
              model.put(k, v);
            } else if (kind < 9) {
              batch.delete(b(k));
              model.remove(k);
            } else {
              String p = k.substring(0, 1);
              batch.deletePrefix(b(p));
              model.subMap(p, true, p + '\uffff', false).clear();
            }
          }
          Writes.await(cb -> engine.write(batch.build(), cb));
          transcript.add("batch " + n);
        } else if (op < 70) {
          String k = key(rnd);
          Bytes got = engine.get(b(k));
          assertEquals(model.get(k), got == null ? null : got.asUtf8(), where + " get " + k);
          transcript.add("get " + k + "=" + got);
        } else if (op < 82) {
          transcript.add(scanAndCheck(engine, null, model, rnd, where));
        } else if (op < 87) {
          Snapshot s = engine.snapshot();
          snapshots.put(s, new TreeMap<>(model));
          transcript.add("snapshot");
        } else if (op < 95 && !snapshots.isEmpty()) {
          Snapshot s = pick(snapshots, rnd);
          transcript.add(scanAndCheck(engine, s, snapshots.get(s), rnd, where + " at " + s));
          String k = key(rnd);
          Bytes got = engine.get(b(k), s);
          assertEquals(snapshots.get(s).get(k), got == null ? null : got.asUtf8(), where);
        } else if (op < 98 && !snapshots.isEmpty()) {
          Snapshot s = pick(snapshots, rnd);
          s.close();
          snapshots.remove(s);
          transcript.add("release");
        } else if (op < 99) {
          Writes.settle(engine);
          transcript.add("settle");
        } else {
          String k = key(rnd);
          transcript.add("history " + k + " " + engine.history(b(k)));
        }
      }
      transcript.add(scanAndCheck(engine, null, model, new SplittableRandom(0), "final " + seed));
      for (Snapshot s : snapshots.keySet()) {
        s.close();
      }
      assertEquals(0, engine.stats().openSnapshots(), "seed " + seed + ": a scan leaked");
      assertEquals(0, engine.stats().compactionFailures(), "seed " + seed);
      SHAPE_CHANGES.addAndGet(engine.stats().flushes() + engine.stats().compactions());
    }
    return transcript;
  }

  private static String scanAndCheck(
      Engine engine, Snapshot at, NavigableMap<String, String> model, SplittableRandom rnd,
      String where) {
    String from = rnd.nextInt(3) == 0 ? null : key(rnd);
    String to = rnd.nextInt(3) == 0 ? null : key(rnd);
    if (from != null && to != null && unsigned(from, to) > 0) {
      String t = from;
      from = to;
      to = t;
    }
    boolean reverse = rnd.nextBoolean();
    int limit = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : Integer.MAX_VALUE;
    NavigableMap<String, String> expectedMap =
        from == null && to == null
            ? model
            : from == null
                ? model.headMap(to, false)
                : to == null ? model.tailMap(from, true) : model.subMap(from, true, to, false);
    if (reverse) {
      expectedMap = expectedMap.descendingMap();
    }
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, String> e : expectedMap.entrySet()) {
      if (expected.size() == limit) {
        break;
      }
      expected.add(e.getKey() + "=" + e.getValue());
    }
    KeyRange range =
        KeyRange.of(from == null ? null : b(from), to == null ? null : b(to)).reverse(reverse);
    if (limit != Integer.MAX_VALUE) {
      range = range.limit(limit);
    }
    List<String> actual = new ArrayList<>();
    try (EntryCursor c = engine.scan(range, at)) {
      for (Entry e; (e = c.next()) != null; ) {
        actual.add(e.key().asUtf8() + "=" + e.value().asUtf8());
      }
    }
    assertEquals(expected, actual, where + " scan " + range);
    return "scan " + range + " " + actual;
  }

  private static Snapshot pick(Map<Snapshot, ?> snapshots, SplittableRandom rnd) {
    List<Snapshot> all = new ArrayList<>(snapshots.keySet());
    all.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return all.get(rnd.nextInt(all.size()));
  }

  /** Short keys over a small alphabet, so prefixes, overwrites and ranges collide often. */
  private static String key(SplittableRandom rnd) {
    int len = 1 + rnd.nextInt(3);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + rnd.nextInt(4)));
    }
    return sb.toString();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private static int unsigned(String a, String b) {
    return b(a).compareTo(b(b));
  }
}
