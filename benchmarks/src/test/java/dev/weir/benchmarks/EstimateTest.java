package dev.weir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The time estimate is worked out from what will run; no timing is measured here. */
class EstimateTest {

  private static final double EPSILON = 1e-9;

  private static OptionsBuilder timed(int forks, String... flags) {
    OptionsBuilder o = new OptionsBuilder();
    o.forks(forks).jvmArgs(flags).jvmArgsAppend()
        .warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(3).measurementTime(TimeValue.seconds(2));
    return o;
  }

  @Test
  void iterationsTimesTheirTimeAfterTheSetup() {
    Options inProcess = timed(0).build();
    assertEquals(2 * (Estimate.IN_PROCESS + 1.5 + 2 * 0.5 + 3 * 2),
        Estimate.jmh(inProcess, 2, 1.5, 0), EPSILON);
  }

  @Test
  void aForkAddsAJvmStartAndPreTouchingItsHeap() {
    double inProcess = Estimate.jmh(timed(0).build(), 1, 0, 0);
    double forked = Estimate.jmh(timed(1, "-Xms1g", "-Xmx1g").build(), 1, 0, 0);
    double touched =
        Estimate.jmh(timed(1, "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch").build(), 1, 0, 0);
    assertEquals(Estimate.JVM_START - Estimate.IN_PROCESS, forked - inProcess, EPSILON);
    assertEquals(4 * Estimate.PRETOUCH_PER_GIB, touched - forked, EPSILON);
    assertEquals(2 * forked, Estimate.jmh(timed(2, "-Xms1g").build(), 1, 0, 0), EPSILON);
  }

  @Test
  void preTouchingCountsTheLastInitialHeap() {
    assertEquals(0, Estimate.pretouch(List.of("-Xms4g")), EPSILON);
    assertEquals(0.5 * Estimate.PRETOUCH_PER_GIB,
        Estimate.pretouch(List.of("-Xms4g", "-XX:+AlwaysPreTouch", "-Xms512m")), EPSILON);
  }

  @Test
  void aSingleShotRunCountsWholeShots() {
    Options fills = new OptionsBuilder().forks(0).warmupIterations(1).measurementIterations(2)
        .build();
    assertEquals(Estimate.IN_PROCESS + 0.25 + 3 * 0.5, Estimate.jmh(fills, 1, 0.25, 0.5),
        EPSILON);
  }

  /**
   * The quick run's estimate is the sum of its steps, each from the options that step runs:
   * the blobs fork (with the quick run's flags) and the rest runs in this JVM.
   */
  @Test
  void thePlanIsEstimatedFromTheOptionsItRuns() {
    List<Compare.Task> quick = Compare.plan(true, Kv.STORES, 100_000);
    for (Compare.Task t : quick) {
      double steps = t.steps().stream().mapToDouble(Compare.Step::estimate).sum();
      assertEquals(steps, t.estimate(), EPSILON);
      assertTrue(t.estimate() > 0, t.workload());
    }
    Options blob = Compare.options(true, 100_000, BlobBenchmark.class, "blob_write", "weir");
    assertEquals(1, blob.getForkCount().get());
    assertEquals(Compare.QUICK_FORK_FLAGS, List.copyOf(blob.getJvmArgs().get()));
    assertEquals(List.of(), List.copyOf(blob.getJvmArgsAppend().get()),
        "no @Fork flags appended behind the ones given");
    Compare.Task blobTask = quick.stream()
        .filter(t -> t.workload().equals("blob write+read") && t.store().equals("weir"))
        .findFirst().orElseThrow();
    assertEquals(2 * Estimate.jmh(blob, 1, Compare.BLOB_SETUP, 0), blobTask.estimate(),
        EPSILON);
    Options read = Compare.options(true, 100_000, CompareReadBenchmark.class, "readrandom",
        "map");
    assertEquals(0, read.getForkCount().get());
    assertEquals("1 warm-up x 0.4 s, 2 x 0.4 s, in this JVM", Compare.how(read, false));
  }

  @Test
  void theFullRunForksEveryBenchmarkAndMeasuresTheLonePut() {
    List<Compare.Task> full = Compare.plan(false, Kv.STORES, Dataset.KEYS);
    assertTrue(full.stream().anyMatch(t -> t.workload().equals("lone put latency")));
    double quick = Compare.plan(true, Kv.STORES, 100_000).stream()
        .mapToDouble(Compare.Task::estimate).sum();
    double all = full.stream().mapToDouble(Compare.Task::estimate).sum();
    assertTrue(all > 5 * quick, all + " s vs " + quick + " s");
    Options fill = Compare.options(false, Dataset.KEYS, CompareFillBenchmark.class,
        "fillrandom", "weir");
    assertEquals("1 warm-up fill, 3 fills, a fork each", Compare.how(fill, true));
  }

  /**
   * Issue 14's tables run beside the KV API in one run, on the run's number of keys: each KV
   * counterpart in the same step as its table benchmark, then the bytes per item.
   */
  @Test
  void theTablesRunBesideTheKvApiOnTheRunsKeys() {
    List<Compare.Task> quick = Compare.plan(true, Kv.STORES, 100_000);
    List<String> tables = quick.stream().map(Compare.Task::workload)
        .filter(w -> w.startsWith("table_")).toList();
    assertEquals(List.of("table_put", "table_get", "table_mixed", "table_query",
        "table_put_2gsi", "table_bytes"), tables);
    Options get = Compare.options(true, 100_000, TableBenchmark.class, "(get_table|get_kv)", null);
    assertEquals(0, get.getForkCount().get());
    assertEquals(List.of("100000"), List.copyOf(get.getParameter("keys").get()));
    Compare.Task getTask = quick.stream().filter(t -> t.workload().equals("table_get"))
        .findFirst().orElseThrow();
    assertEquals(Estimate.jmh(get, 2, Compare.TABLE_LOAD_PER_MILLION * 0.1, 0),
        getTask.estimate(), EPSILON);
    Options full = Compare.options(false, Dataset.KEYS, TableBenchmark.class, "(put_table_2gsi)",
        null);
    assertEquals(1, full.getForkCount().get());
    assertEquals(Compare.FORK_FLAGS, List.copyOf(full.getJvmArgs().get()));
    assertEquals("tables", getTask.group());
  }

  @Test
  void reportedFlagsAreReadBackWithoutJmhsTemporaryFile() {
    String line = JvmFlags.MARKER + " " + JvmFlags.shown(
        List.of("-Xms1g", "-XX:CompileCommandFile=/tmp/jmh123.compilecommand", "-Xmx1g"));
    assertEquals("-Xms1g -Xmx1g", JvmFlags.parse(line));
    assertEquals("(none)", JvmFlags.shown(List.of()));
    assertEquals(null, JvmFlags.parse("# VM options: -Xms1g"));
  }
}
