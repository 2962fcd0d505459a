package dev.weir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.benchmarks.Compare.Score;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

/** The durable group's plan, naming and verdicts, from given figures; nothing is timed here. */
class DurableReportTest {

  @Test
  void theDurableGroupRunsTheProbeEachStoreTheReopenAndTheDiskBytes() {
    List<Compare.Task> tasks = DurableReport.tasks(false, Dataset.KEYS);
    assertEquals(List.of("durable_fsync", "durable_fill", "durable_fill", "durable_fill",
        "durable_reopen", "durable_bytes"), tasks.stream().map(Compare.Task::workload).toList());
    assertEquals(List.of("disk", "weir", "rocksdb", "mvstore", "weir", "weir"),
        tasks.stream().map(Compare.Task::store).toList());
    tasks.forEach(t -> assertEquals("durable", t.group()));
    assertTrue(Compare.plan(true, Kv.STORES, 100_000).stream()
        .anyMatch(t -> t.workload().equals("durable_reopen")), "in the whole run too");
    Options probe = Compare.options(false, Dataset.KEYS, FsyncProbe.class, "write4k_.*", null);
    assertEquals(DurableReport.PROBE_FLAGS, List.copyOf(probe.getJvmArgs().get()));
    Options reopen = Compare.options(true, 100_000, DurableReopenBenchmark.class, "reopen", null);
    assertEquals(List.of("100000"), List.copyOf(reopen.getParameter("keys").get()));
    assertEquals("1 warm-up fill, 2 fills, in this JVM", Compare.how(reopen, true));
  }

  @Test
  void targetsAreJudgedAgainstTheProbeAndRocksDbOfTheSameRun() {
    Map<String, Score> scores = new HashMap<>();
    scores.put("durable_256|weir", new Score(250_000, Double.NaN, "ops/s"));
    scores.put("durable_256|rocksdb", new Score(150_000, Double.NaN, "ops/s"));
    scores.put("durable_lone|weir", new Score(300, Double.NaN, "us/op"));
    scores.put("durable_write4k_fdatasync|disk", new Score(210, Double.NaN, "us/op"));
    scores.put("durable_reopen_wal|weir", new Score(1500, Double.NaN, "ms/op"));
    Map<String, Boolean> verdicts = new HashMap<>();
    StringBuilder b = new StringBuilder();
    DurableReport.targets(b, (w, s) -> scores.get(w + "|" + s),
        (sb, target, value, min, measured) -> verdicts.put(target, value >= min));
    assertEquals(Map.of(
        "durable fillrandom, 256 in flight >= 200,000 acknowledged writes/s", true,
        "durable fillrandom, 256 in flight: Weir >= 2x RocksDB (sync=true)", false,
        "lone durable put <= 1.5x the fsync probe (4 KiB write + fdatasync)", true,
        "reopen of the durable store <= 2 s, WAL replayed", true,
        "reopen of the durable store <= 2 s, runs loaded", false), verdicts);
  }

  @Test
  void theDiskFootprintIsReadBackFromItsLine() {
    DurableFootprint.Footprint f = DurableFootprint.parse("DISK 116000000 153000000 130000000");
    assertEquals(116_000_000, f.userBytes());
    assertEquals(153_000_000 / 116e6, f.fillRatio(), 1e-12);
    assertEquals(null, DurableFootprint.parse("weir-bench JVM flags: -Xmx4g"));
  }

  @Test
  void theWindowCountsAcknowledgementsAndReportsAFailedWrite() {
    InFlight window = new InFlight(4);
    for (int i = 0; i < 4; i++) {
      window.acquire();
    }
    for (int i = 0; i < 4; i++) {
      window.release();
    }
    window.drain();
    assertEquals(4, window.acknowledged());
    window.acquire();
    window.fail(new IllegalStateException("fsync failed"));
    assertThrows(IllegalStateException.class, window::acquire);
  }
}
