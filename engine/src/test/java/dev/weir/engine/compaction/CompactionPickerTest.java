package dev.weir.engine.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunBuilder;
import dev.weir.engine.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven picks, as Pebble's testdata/compaction_picker: an LSM shape in, the expected job
 * out. A shape is written level by level: {@code "F"} a frozen memtable, {@code "a-c:100"} a run
 * spanning keys a..c of about 100 KiB ({@code "a-c:100~"}: its last key a tombstone); levels
 * separated by {@code " | "}.
 */
class CompactionPickerTest {

  private final CompactionPicker picker = new CompactionPicker(4, 1024 * 1024, 10);

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("empty", "", "none"),
        Arguments.of("frozen memtable first", "F | a-c:10 a-c:10 a-c:10 a-c:10", "flush -> L0"),
        Arguments.of("three L0 runs wait", "a-c:10 d-f:10 g-h:10", "none"),
        Arguments.of("four L0 runs go down", "a-c:10 d-f:10 g-h:10 a-b:10", "4 runs -> L1"),
        Arguments.of(
            "L0 takes the overlapping L1 runs only",
            "a-c:10 a-b:10 b-c:10 a-a:10 | a-b:100 c-d:100 x-z:100",
            "6 runs -> L1"),
        Arguments.of("L1 within target", "| a-m:500 n-z:400", "none"),
        Arguments.of(
            "L1 over target pushes its largest run",
            "| a-m:700 n-z:600 | a-f:1000 g-p:1000 q-z:1000",
            "3 runs -> L2"),
        Arguments.of(
            "disjoint L0 runs over nothing move down unmerged",
            "a-b:10 c-d:10 e-f:10 g-h:10 | x-z:100",
            "move 4 runs -> L1"),
        Arguments.of(
            "disjoint L0 runs merge if one holds a tombstone",
            "a-b:10 c-d:10~ e-f:10 g-h:10 | x-z:100",
            "4 runs -> L1"),
        Arguments.of(
            "disjoint L0 runs merge if one overlaps L1",
            "a-b:10 c-d:10 e-f:10 g-h:10 | d-d:100",
            "5 runs -> L1"),
        Arguments.of(
            "an L1 run over target moves where nothing overlaps it",
            "| a-m:700 n-z:600 | n-p:1000 x-z:1000",
            "move 1 runs -> L2"),
        Arguments.of(
            "an L1 run over target moves to a new level",
            "| a-m:700 n-z:600",
            "move 1 runs -> L2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void picksTheMostUrgentJob(String name, String shape, String expected) {
    CompactionJob job = picker.pick(version(shape));
    assertEquals(expected, describe(job));
  }

  @Test
  void aFullCompactionTakesEveryRunToTheDeepestLevel() {
    CompactionJob job = picker.pickFull(version("a-c:10 | a-b:100 | c-d:100"));
    assertEquals("3 runs -> L2", describe(job));
    assertEquals(true, job.bottommost());
    assertNull(picker.pickFull(version("")));
  }

  @Test
  void aJobIsBottommostOnlyIfNothingBelowOverlapsAnyOfItsInputs() {
    // level 0 spans b..c, but the level-1 run it overlaps reaches to x, and level 2 holds
    // older data at w..x: dropping trailing tombstones there would resurrect it
    String shape = "b-c:10 b-c:10 b-c:10 b-c:10 | a-x:100 | w-x:1000";
    CompactionJob job = picker.pick(version(shape));
    assertEquals("5 runs -> L1", describe(job));
    assertEquals(false, job.bottommost());
    assertEquals(true, picker.pick(version("b-c:10 b-c:10 b-c:10 b-c:10 | a-x:100")).bottommost());
  }

  private static String describe(CompactionJob job) {
    if (job == null) {
      return "none";
    }
    return job.isFlush()
        ? "flush -> L" + job.outputLevel()
        : (job.move() ? "move " : "") + job.inputs().size() + " runs -> L" + job.outputLevel();
  }

  private static Version version(String shape) {
    List<MemTable> frozen = new ArrayList<>();
    List<List<Run>> levels = new ArrayList<>();
    if (!shape.isBlank()) {
      for (String level : shape.split("\\|", -1)) {
        List<Run> runs = new ArrayList<>();
        for (String item : level.trim().split("\\s+")) {
          if (item.isEmpty()) {
            continue;
          }
          if (item.equals("F")) {
            MemTable m = new MemTable(frozen.size() + 1, 1 << 20, 10);
            m.add(bytes("a"), 1, ValueKind.PUT, bytes("v"), 0);
            frozen.add(m);
          } else {
            runs.add(run(item));
          }
        }
        if (!(level.trim().equals("F"))) {
          levels.add(runs);
        }
      }
    }
    return new Version(0, new MemTable(0, 1 << 20, 10), frozen, levels, RangeTombstones.EMPTY);
  }

  /** A run over {@code from-to:kib}: two keys, with values sized to the KiB given. */
  private static Run run(String spec) {
    String[] span = spec.split(":")[0].split("-");
    String size = spec.split(":")[1];
    boolean tombstone = size.endsWith("~");
    int kib = Integer.parseInt(tombstone ? size.substring(0, size.length() - 1) : size);
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    b.add(bytes(span[0]), 1, ValueKind.PUT, new byte[kib * 512], 0);
    if (!span[1].equals(span[0])) {
      b.add(bytes(span[1]), 1, tombstone ? ValueKind.DELETE : ValueKind.PUT,
          tombstone ? null : new byte[kib * 512], 0);
    }
    return b.build(0);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
