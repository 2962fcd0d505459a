package dev.weir.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.key.ValueKind;
import java.util.SplittableRandom;

/** Runs for the run file tests: random ones, and the check that two runs hold the same. */
final class RunFiles {

  private RunFiles() {}

  /**
   * A run of {@code keys} distinct keys of {@code keyLength} bytes after {@code prefix}, each
   * with one to three versions: puts (some with empty values, some expiring) and deletions.
   */
  static Run random(long seed, long id, int keys, String prefix, int keyLength, int valueLength) {
    SplittableRandom rnd = new SplittableRandom(seed);
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    byte[] head = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long seq = 10L * keys + 3;
    for (int i = 0; i < keys; i++) {
      byte[] key = new byte[head.length + keyLength];
      System.arraycopy(head, 0, key, 0, head.length);
      // ascending: the index in the first bytes, random bytes after
      for (int k = 0; k < keyLength; k++) {
        key[head.length + k] = k < 4 ? (byte) (i >>> (24 - 8 * k)) : (byte) rnd.nextInt(256);
      }
      int versions = 1 + rnd.nextInt(3);
      for (int v = 0; v < versions; v++) {
        int shape = rnd.nextInt(10);
        if (shape == 0) {
          b.add(key, seq--, ValueKind.DELETE, null, 0);
        } else {
          byte[] value = new byte[shape == 1 ? 0 : rnd.nextInt(valueLength + 1)];
          rnd.nextBytes(value);
          long expireAt = shape == 2 ? 1_800_000_000_000L + rnd.nextInt(1 << 30) : 0;
          b.add(key, seq--, ValueKind.PUT, value, expireAt);
        }
      }
    }
    return b.build(id);
  }

  static void assertSameEntries(Run expected, Run actual) {
    assertEquals(expected.id(), actual.id(), "id");
    assertEquals(expected.size(), actual.size(), "size");
    assertEquals(expected.minSeq(), actual.minSeq(), "min seq");
    assertEquals(expected.maxSeq(), actual.maxSeq(), "max seq");
    assertEquals(expected.minExpireAt(), actual.minExpireAt(), "min expireAt");
    assertEquals(expected.heapBytes(), actual.heapBytes(), "heap bytes");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.keyAt(i), actual.keyAt(i), "key " + i);
      assertEquals(expected.seqAt(i), actual.seqAt(i), "seq " + i);
      assertEquals(expected.kindAt(i), actual.kindAt(i), "kind " + i);
      assertArrayEquals(expected.valueAt(i), actual.valueAt(i), "value " + i);
      assertEquals(expected.expireAt(i), actual.expireAt(i), "expireAt " + i);
    }
  }
}
