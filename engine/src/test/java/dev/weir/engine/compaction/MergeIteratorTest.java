package dev.weir.engine.compaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a compaction cuts its output into runs. */
class MergeIteratorTest {

  private static final int KEY_LENGTH = 8;

  @Test
  void outputsAreCutAtTheTargetByTheInputsAverageValueSize() {
    Run a = run(0, 200, 1000);
    Run b = run(200, 200, 1000);
    long perEntry = (a.valueBytes() + b.valueBytes()) / (a.size() + b.size());
    long target = 50_000;
    List<Run> out = merge(target, perEntry, a, b);

    long entryEstimate = KEY_LENGTH + 32 + perEntry;
    int full = (int) ((target + entryEstimate - 1) / entryEstimate); // entries that reach it
    for (int i = 0; i < out.size() - 1; i++) {
      assertEquals(full, out.get(i).size(), "output " + i);
    }
    assertTrue(out.get(out.size() - 1).size() <= full);
    assertEquals(400, out.stream().mapToInt(Run::size).sum());
  }

  @Test
  void cuttingByAnAverageKeepsEveryEntryInOrderWhateverTheValueSizes() {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    for (int i = 0; i < 300; i++) {
      b.add(key(i), i + 1, ValueKind.PUT, new byte[i % 10 == 0 ? 100_000 : 10], 0);
    }
    Run mixed = b.build(1);
    List<Run> out = merge(200_000, mixed.valueBytes() / mixed.size(), mixed);

    assertTrue(out.size() > 1, "one run of " + mixed.heapBytes() + " bytes was not cut");
    long valueBytes = 0;
    int next = 0;
    for (Run r : out) {
      valueBytes += r.valueBytes();
      for (SourceCursor c = r.cursor(null, null, false); c.valid(); c.next()) {
        assertArrayEquals(key(next++), c.key());
      }
    }
    assertEquals(300, next);
    assertEquals(mixed.valueBytes(), valueBytes, "the outputs' sizes are summed exactly");
  }

  private static List<Run> merge(long target, long valueBytesPerEntry, Run... inputs) {
    SourceCursor[] cursors = new SourceCursor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      cursors[i] = inputs[i].cursor(null, null, false);
    }
    long[] ids = {100};
    MergeIterator merge =
        new MergeIterator(
            new long[0],
            0,
            1,
            0,
            RangeTombstones.EMPTY,
            true,
            null,
            target,
            valueBytesPerEntry,
            new MergeIterator.RunFactory() {
              @Override
              public RunBuilder newBuilder() {
                return new RunBuilder(10, new Run.BloomStats());
              }

              @Override
              public long nextRunId() {
                return ids[0]++;
              }
            });
    return new ArrayList<>(merge.merge(cursors));
  }

  private static Run run(int from, int count, int valueLength) {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    for (int i = from; i < from + count; i++) {
      b.add(key(i), i + 1, ValueKind.PUT, new byte[valueLength], 0);
    }
    return b.build(from);
  }

  private static byte[] key(int i) {
    return String.format("k%07d", i).getBytes(StandardCharsets.UTF_8);
  }
}
