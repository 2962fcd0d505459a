package dev.weir.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RunTest {

  private static byte[] k(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Run build(Iterable<String> sortedKeys) {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    for (String key : sortedKeys) {
      b.add(k(key), 1, ValueKind.PUT, k("v-" + key), 0);
    }
    return b.build(1);
  }

  @Test
  void lookupsFindEveryKeyWhenKeysShareLongPrefixes() {
    TreeSet<String> keys = new TreeSet<>();
    SplittableRandom rnd = new SplittableRandom(7);
    while (keys.size() < 5000) {
      keys.add(String.format("user:0000000%06d", rnd.nextInt(1_000_000)));
    }
    keys.add("user:0000000");
    keys.add("user:00000009");
    Run run = build(keys);
    VersionRef ref = new VersionRef();
    for (String key : keys) {
      assertTrue(find(run, k(key), Long.MAX_VALUE, ref), key);
      assertEquals("v-" + key, new String(ref.value, StandardCharsets.UTF_8));
    }
    for (String missing : new String[] {"a", "user:", "user:00000001", "zz", "user:0000000999999x"}) {
      assertFalse(find(run, k(missing), Long.MAX_VALUE, ref), missing);
    }
  }

  @Test
  void aLookupSearchesOneKeyBlockEvenWhenKeysShareMoreThanTheFenceHolds() {
    // a table's keys: a shared head, then a partition key far longer than a fence's 8 bytes
    TreeSet<String> keys = new TreeSet<>();
    SplittableRandom rnd = new SplittableRandom(11);
    while (keys.size() < 20_000) {
      keys.add(String.format("T0001i/tenant#acme/user#%07d", rnd.nextInt(10_000_000)));
    }
    List<String> sorted = new ArrayList<>(keys);
    Run run = build(sorted);
    for (int probe = 0; probe < 5_000; probe++) {
      String key =
          probe % 2 == 0
              ? sorted.get(rnd.nextInt(sorted.size()))
              : String.format("T0001i/tenant#acme/user#%07d", rnd.nextInt(10_000_000));
      long window = run.searchWindow(k(key));
      int a = (int) (window >>> 32);
      int b = (int) window;
      assertTrue(b - a <= Run.KEY_BLOCK, key + " searched " + (b - a) + " entries");
      int expected = Collections.binarySearch(sorted, key);
      assertEquals(expected >= 0 ? expected : -expected - 1, run.lowerBound(k(key)), key);
    }
  }

  @Test
  void cursorsWalkBoundedRangesBothWays() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(String.format("k%03d", i));
    }
    Run run = build(keys);
    assertEquals(keys.subList(10, 20), walk(run.cursor(k("k010"), k("k020"), false)));
    List<String> down = new ArrayList<>(keys.subList(10, 20));
    Collections.reverse(down);
    assertEquals(down, walk(run.cursor(k("k010"), k("k020"), true)));
    assertEquals(keys, walk(run.cursor(null, null, false)));
    assertEquals(List.of(), walk(run.cursor(k("k5"), null, false)));
  }

  @Test
  void keysHandedOutUnreadAreTheKeysOfTheirBlockWhateverTheirLengths() {
    // lengths 1..40 so blocks of 32 entries end mid-pattern, and a size no multiple of 32
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 211; i++) {
      keys.add(String.format("%03d", i) + "x".repeat(i % 38));
    }
    Collections.sort(keys);
    Run run = build(keys);
    for (boolean reverse : new boolean[] {false, true}) {
      List<String> seen = new ArrayList<>();
      SourceCursor c = run.cursor(null, null, reverse);
      for (; c.valid(); c.next()) {
        Bytes view = c.keyBytes();
        assertEquals(view, Bytes.wrap(c.key())); // the view and the copy agree
        assertEquals(view.hashCode(), Bytes.wrap(c.key()).hashCode());
        seen.add(view.asUtf8());
      }
      List<String> expected = new ArrayList<>(keys);
      if (reverse) {
        Collections.reverse(expected);
      }
      assertEquals(expected, seen);
    }
  }

  @Test
  void aTenBitBloomFilterLetsThroughAboutOnePercent() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add(String.format("key%08d", i));
    }
    Run.BloomStats stats = new Run.BloomStats();
    RunBuilder b = new RunBuilder(10, stats);
    for (String key : keys) {
      b.add(k(key), 1, ValueKind.PUT, new byte[0], 0);
    }
    Run run = b.build(1);
    VersionRef ref = new VersionRef();
    int probes = 99_999; // every probe sorts inside the run, so each one reaches the filter
    for (int i = 0; i < probes; i++) {
      find(run, k(String.format("key%08dx", i)), Long.MAX_VALUE, ref);
    }
    double falsePositiveRate = stats.falsePositive.sum() / (double) probes;
    assertTrue(falsePositiveRate < 0.02, "false positive rate " + falsePositiveRate);
    assertEquals(probes, stats.useful.sum() + stats.falsePositive.sum());
  }

  @Test
  void versionsOfOneKeyResolveBySequence() {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    b.add(k("a"), 9, ValueKind.PUT, k("a9"), 0);
    b.add(k("a"), 5, ValueKind.DELETE, null, 0);
    b.add(k("a"), 2, ValueKind.PUT, k("a2"), 0);
    b.add(k("b"), 3, ValueKind.PUT, k("b3"), 0);
    Run run = b.build(1);
    VersionRef ref = new VersionRef();
    assertTrue(find(run, k("a"), 8, ref));
    assertEquals(ValueKind.DELETE, ref.kind);
    assertTrue(find(run, k("a"), 4, ref));
    assertEquals("a2", new String(ref.value, StandardCharsets.UTF_8));
    assertFalse(find(run, k("a"), 1, ref));
    assertEquals(List.of("a", "b"), walk(run.cursor(null, null, false)));
    assertEquals(List.of("b", "a"), walk(run.cursor(null, null, true)));
  }

  @Test
  void sequencesSpanningMoreThanFourBytesKeepTheirFullValue() {
    long far = (1L << 33) + 7; // beyond 4-byte offsets from the smallest: stored whole
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    b.add(k("a"), far, ValueKind.PUT, k("new"), 0);
    b.add(k("a"), 3, ValueKind.PUT, k("old"), 0);
    Run run = b.build(1);
    VersionRef ref = new VersionRef();
    assertTrue(find(run, k("a"), Long.MAX_VALUE, ref));
    assertEquals(far, ref.seq);
    assertTrue(find(run, k("a"), far - 1, ref));
    assertEquals(3, ref.seq);
    assertEquals("old", new String(ref.value, StandardCharsets.UTF_8));
    assertEquals(far, run.maxSeq());
    assertEquals(3, run.minSeq());
  }

  @Test
  void aVersionsKindIsItsValuesPresenceSoABuilderRefusesAMismatch() {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    assertThrows(IllegalArgumentException.class, () -> b.add(k("a"), 2, ValueKind.PUT, null, 0));
    assertThrows(
        IllegalArgumentException.class, () -> b.add(k("a"), 2, ValueKind.DELETE, k("v"), 0));
    assertEquals(0, b.size());
  }

  @Test
  void oneCursorWalksALevelOfRunsBothWaysWithinBounds() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      keys.add(String.format("k%03d", i));
    }
    Run[] level = {
      build(keys.subList(0, 30)), build(keys.subList(30, 60)), build(keys.subList(60, 90))
    };
    // from k025 (in run 0) to k075 (in run 2): crosses run 1 whole
    assertEquals(keys.subList(25, 75), walk(RunCursor.over(level, 0, k("k025"), k("k075"), false)));
    List<String> down = new ArrayList<>(keys.subList(25, 75));
    Collections.reverse(down);
    assertEquals(down, walk(RunCursor.over(level, 2, k("k025"), k("k075"), true)));
    assertEquals(keys, walk(RunCursor.over(level, 0, null, null, false)));
    // a bound between runs, and a start past the first run's keys
    assertEquals(
        keys.subList(30, 60), walk(RunCursor.over(level, 0, k("k029x"), k("k059x"), false)));
    assertEquals(List.of(), walk(RunCursor.over(level, 2, k("k095"), null, false)));
  }

  private static boolean find(Run run, byte[] key, long maxSeq, VersionRef out) {
    return run.find(key, KeyHash.hash(key), maxSeq, out);
  }

  private static List<String> walk(SourceCursor c) {
    List<String> out = new ArrayList<>();
    for (; c.valid(); c.next()) {
      out.add(new String(c.key(), StandardCharsets.UTF_8));
    }
    return out;
  }
}
