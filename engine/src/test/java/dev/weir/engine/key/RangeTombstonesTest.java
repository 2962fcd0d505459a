package dev.weir.engine.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The indexed tombstone set answers exactly as checking every tombstone one by one does. */
class RangeTombstonesTest {

  private static byte[] key(Random r) {
    byte[] k = new byte[1 + r.nextInt(3)];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (r.nextInt(6) * 50); // few distinct bytes: ranges touch, nest and repeat
    }
    return k;
  }

  private static RangeTombstone tombstone(Random r, long seq) {
    byte[] from = r.nextInt(10) == 0 ? null : key(r);
    byte[] to = r.nextInt(10) == 0 ? null : key(r);
    if (from != null && to != null && KeyOrder.compare(from, to) > 0) {
      byte[] swap = from;
      from = to;
      to = swap;
    }
    return new RangeTombstone(from, to, seq);
  }

  private static boolean model(List<RangeTombstone> all, byte[] key, long versionSeq, long read) {
    return all.stream().anyMatch(t -> t.hides(key, versionSeq, read));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1_000_003})
  void answersAsTheFlatListThroughAddsAndRetirements(long seed) {
    Random r = new Random(seed);
    RangeTombstones set = RangeTombstones.EMPTY;
    List<RangeTombstone> all = new ArrayList<>();
    long seq = 10;
    for (int step = 0; step < 400; step++) {
      if (r.nextInt(20) == 0 && !all.isEmpty()) {
        long[] retired = all.stream().mapToLong(RangeTombstone::seq)
            .filter(s -> r.nextInt(3) == 0).sorted().toArray();
        set = set.without(retired);
        all.removeIf(t -> java.util.Arrays.binarySearch(retired, t.seq()) >= 0);
      } else {
        seq += 1 + r.nextInt(3);
        RangeTombstone t = tombstone(r, seq);
        set = set.with(t);
        all.add(t);
      }
      assertEquals(all.size(), set.size(), "seed=" + seed);
      for (int q = 0; q < 40; q++) {
        byte[] k = key(r);
        long versionSeq = r.nextInt((int) seq + 2);
        long read = versionSeq + r.nextInt((int) seq + 2);
        assertEquals(model(all, k, versionSeq, read), set.hides(k, versionSeq, read),
            () -> "seed=" + seed + " key=" + java.util.Arrays.toString(k) + " version="
                + versionSeq + " read=" + read + " set=" + all);
      }
    }
    assertArrayEquals(all.toArray(new RangeTombstone[0]), set.toArray(), "seed=" + seed);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 1000})
  void manyDisjointPrefixDeletesEachHideTheirOwnKeysOnly(int count) {
    RangeTombstones set = RangeTombstones.EMPTY;
    for (int i = 0; i < count; i++) {
      byte[] prefix = ("blob" + i + "/").getBytes();
      set = set.with(new RangeTombstone(prefix, KeyOrder.prefixEnd(prefix), 100 + i));
    }
    for (int i = 0; i < count; i++) {
      byte[] inside = ("blob" + i + "/chunk").getBytes();
      assertTrue(set.hides(inside, 99, Long.MAX_VALUE), "blob " + i);
      assertFalse(set.hides(inside, 100 + i, Long.MAX_VALUE), "a version newer than its delete");
      assertFalse(set.hides(inside, 99, 99 + i), "a reader before the delete");
    }
    assertFalse(set.hides("blob".getBytes(), 0, Long.MAX_VALUE));
    assertFalse(set.hides("zzz".getBytes(), 0, Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 500})
  void nestedRangesPastTheCoverageLimitStillAnswerRight(int count) {
    RangeTombstones set = RangeTombstones.EMPTY;
    List<RangeTombstone> all = new ArrayList<>();
    for (int i = 0; i < count; i++) { // [i, 2 * count - i): each inside the one before
      RangeTombstone t = new RangeTombstone(
          new byte[] {(byte) (i >> 8), (byte) i},
          new byte[] {(byte) ((2 * count - i) >> 8), (byte) (2 * count - i)}, 1 + i);
      set = set.with(t);
      all.add(t);
    }
    Random r = new Random(count);
    for (int q = 0; q < 2000; q++) {
      int k = r.nextInt(2 * count + 2);
      byte[] key = {(byte) (k >> 8), (byte) k};
      long versionSeq = r.nextInt(count + 2);
      long read = versionSeq + r.nextInt(count + 2);
      assertEquals(model(all, key, versionSeq, read), set.hides(key, versionSeq, read));
    }
  }
}
