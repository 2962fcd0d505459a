package dev.weir.benchmarks;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Weir side by side with the stores users would pick instead, in one command and one run:
 * every db_bench workload for every store of {@link Kv#STORES}, the 4 MiB blob workload with
 * its {@code System.arraycopy} probe, retained heap per record (one fresh JVM per store, {@link
 * HeapProbe}), the object-store benchmarks ({@link ObjectBenchmark}), tables beside the KV API
 * on the same data ({@link TableBenchmark}, bytes per item from {@link TableMemory}; {@code
 * --only=table} runs these alone), durable mode beside RocksDB and MVStore on disk ({@link
 * DurableReport}; {@code --only=durable} runs it alone), PartiQL beside the table calls it
 * stands for and tables over the event bus ({@link PartiqlReport}; {@code --only=partiql}) and,
 * in the full run, the lone put's latency ({@link LonePutLatencyBenchmark}).
 *
 * <pre>{@code
 * ./weir bench [--quick]                   # builds if needed, then runs this class
 * benchmarks/compare.sh [--quick]          # the same
 * java -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.Compare [--quick]
 *     [--stores=weir,mvstore,...] [--only=blob] [--out=benchmarks/results]
 * }</pre>
 *
 * <p>Writes {@code <out>/<date>.md} (the table of ops/s per store and workload with each
 * store's ratio to Weir, the targets with their verdicts, the published reference figures,
 * machine, JVM, how each group of benchmarks ran and the flags each benchmark JVM reported),
 * {@code <out>/<date>.json} (the raw JMH results), {@code <out>/<date>.png} (a bar chart of the
 * ratios) and {@code <out>/<date>-jmh.log} (JMH's own output). Prints an estimate of the whole
 * run, worked out from the options each step runs with ({@link Estimate}), then one progress
 * line per benchmark: store, workload, time left.
 *
 * <p>The full run uses 1,000,000 keys, one fork per benchmark, 3 warm-up and 3 measured
 * iterations (fills: one warm-up fill and 3 measured fills). {@code --quick} (a regression
 * check) uses 100,000 keys, runs JMH in this JVM ({@code -f 0}: no fork per benchmark, so JIT
 * profiles are shared across stores: do not quote its figures) but for the blobs, one short
 * warm-up and two short iterations, and skips the lone-put latency.
 */
public final class Compare {

  static final String PKG = "dev.weir.benchmarks.";
  static final double MB_PER_BLOB = BlobBenchmark.SIZE / 1e6;
  static final List<String> READS =
      List.of("readrandom", "readrandom_2threads", "readmissing", "seekrandom", "readwhilewriting");
  static final List<String> FILLS = List.of("fillseq", "fillrandom");
  /** The stores that --quick measures blobs and heap for (Weir, MVStore and the raw map). */
  static final List<String> QUICK_SUBSET = List.of("weir", "mvstore", "map");
  static final List<String> BLOB_STORES =
      List.of("weir", "weir_object", "map", "rocksdb", "mvstore", "vertx_local");

  /**
   * One JVM's worth of work (a JMH run or a heap probe): its estimate in seconds, worked out
   * from the options it runs with, and how it runs, in words.
   */
  record Step(double estimate, String how, Consumer<Compare> body) {}

  /** One line of progress: a store's workload, in one step or a few. */
  record Task(String store, String workload, List<Step> steps) {
    double estimate() {
      return steps.stream().mapToDouble(Step::estimate).sum();
    }

    /** Reads, fills, blobs, ...: what the flags and the run settings are reported for. */
    String group() {
      return READS.contains(workload) ? "reads" : FILLS.contains(workload) ? "fills"
          : workload.startsWith("blob") ? "blobs" : workload.startsWith("table_") ? "tables"
          : workload.startsWith("durable_") ? "durable"
          : workload.startsWith("partiql_") ? "partiql" : workload;
    }
  }

  /** A score converted to the table's unit; {@code error} is NaN when JMH measured none. */
  record Score(double value, double error, String unit) {}

  /** Looks up a score of the run, for the groups' reports ({@link DurableReport}...). */
  interface Scores {
    Score score(String workload, String store);
  }

  /**
   * Writes one judged target: met when {@code value >= min}; a target with no figure is left
   * out of an --only run.
   */
  interface Targets {
    void target(StringBuilder b, String target, double value, double min, String measured);
  }

  private final boolean quick;
  /** --only: runs the tasks whose workload matches (e.g. {@code blob}); null: all. */
  private final java.util.regex.Pattern only;
  private final List<String> stores;
  private final Path out;
  private final String stamp;
  private final int keys;

  /**
   * Flags of every forked JVM in the full run. The heap is fixed and pre-touched: on this
   * machine kind (a microVM) the first touch of fresh memory is slow and erratic, which made
   * 4 MiB allocations swing from 15 GB/s to 0.3 GB/s between runs; pre-touching takes it out of
   * every store alike.
   */
  static final List<String> FORK_FLAGS = List.of("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch");
  /**
   * In --quick a 1 GiB heap: touching 4 GiB first costs each fork about 15 s here, 1 GiB 3.5 s.
   * Still pre-touched: without it a 4 MiB arraycopy into a new array ran at 219 MB/s instead of
   * ~10 GB/s, and every blob write verdict against it read "met" by 14x.
   */
  static final List<String> QUICK_FORK_FLAGS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

  static List<String> forkFlags(boolean quick) {
    return quick ? QUICK_FORK_FLAGS : FORK_FLAGS;
  }

  /** A heap probe's JVM: resident from the start, so RSS growth is off-heap memory. */
  static List<String> heapProbeFlags(boolean quick) {
    List<String> flags = new ArrayList<>(forkFlags(quick));
    if (!flags.contains("-XX:+AlwaysPreTouch")) {
      flags.add("-XX:+AlwaysPreTouch");
    }
    return flags;
  }

  private final List<RunResult> results = new ArrayList<>();
  /** (workload, store) -> score in the table's unit. */
  private final Map<String, Score> scores = new LinkedHashMap<>();
  private final Map<String, double[]> heap = new LinkedHashMap<>();
  /** Bytes per item against bytes per KV record, once the tables' step ran. */
  private TableMemory.Footprint footprint;
  /** Bytes on disk per user byte of a durable store, once the durable step ran. */
  private DurableFootprint.Footprint disk;
  private final List<String> failures = new ArrayList<>();
  private final PrintStream log;
  private final String loadBefore;
  /** The flags each JVM reported ({@link JvmFlags}) -> the groups of tasks that ran with them. */
  private final Map<String, Set<String>> flagsUsed = new LinkedHashMap<>();
  /** Group -> how its benchmarks ran (iterations, fork or not), from their options. */
  /** Each group's distinct run settings (a group's benchmarks may differ: the durable ones do). */
  private final Map<String, Set<String>> runSettings = new LinkedHashMap<>();
  private volatile String currentGroup = "";

  private Compare(boolean quick, List<String> stores, Path out, java.util.regex.Pattern only)
      throws IOException {
    this.quick = quick;
    this.only = only;
    this.stores = stores;
    this.out = out;
    this.keys = quick ? 100_000 : Dataset.KEYS;
    this.stamp =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
            + (quick ? "-quick" : "");
    Files.createDirectories(out);
    // JMH's output, forks' included, passes through here: the JVMs report their flags in it.
    this.log = new PrintStream(new LineTap(
        new FileOutputStream(out.resolve(stamp + "-jmh.log").toFile()), this::sawLine), true,
        StandardCharsets.UTF_8);
    this.loadBefore = loadAverage();
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    java.util.regex.Pattern only = null;
    List<String> stores = Kv.STORES;
    Path out = Path.of("benchmarks", "results");
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--stores=")) {
        stores = List.of(arg.substring("--stores=".length()).split(","));
        if (!stores.contains("weir")) {
          throw new IllegalArgumentException("--stores must include weir (ratios are to Weir)");
        }
      } else if (arg.startsWith("--only=")) {
        only = java.util.regex.Pattern.compile(arg.substring("--only=".length()));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring("--out=".length()));
      } else if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "usage: Compare [--quick] [--stores=weir,map,...] [--only=workload-regex]"
                + " [--out=benchmarks/results]");
        return;
      } else {
        throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    System.setProperty("java.awt.headless", "true");
    new Compare(quick, stores, out, only).run();
  }

  // ================================================================ the plan

  /** Every task of a run, in order; each step's estimate comes from the options it runs. */
  static List<Task> plan(boolean quick, List<String> stores, int keys) {
    List<Task> tasks = new ArrayList<>();
    for (String w : READS) {
      for (String s : stores) {
        if (w.equals("seekrandom") && s.startsWith("vertx")) {
          continue; // hash maps: no ordered scan
        }
        tasks.add(new Task(s, w, List.of(jmhStep(quick, keys, CompareReadBenchmark.class, w, s,
            w, 1, loadEstimate(s, keys), 0))));
      }
    }
    for (String w : FILLS) {
      for (String s : stores) {
        tasks.add(new Task(s, w, List.of(jmhStep(quick, keys, CompareFillBenchmark.class, w, s,
            w, 1, 0, FILL_SHARE_OF_LOAD * loadEstimate(s, keys)))));
      }
    }
    tasks.add(new Task("arraycopy", "blob probes", List.of(
        jmhStep(quick, keys, BlobBenchmark.class, "copy_fresh", null, "blob_copy_fresh", 1,
            BLOB_SETUP, 0),
        jmhStep(quick, keys, BlobBenchmark.class, "copy_reuse", null, "blob_copy_reuse", 1,
            BLOB_SETUP, 0))));
    for (String s : BLOB_STORES) {
      if (!stores.contains(s) && !(s.equals("weir_object") && stores.contains("weir"))
          || quick && !QUICK_SUBSET.contains(s) && !s.equals("weir_object")) {
        continue;
      }
      tasks.add(new Task(s, "blob write+read", List.of(
          jmhStep(quick, keys, BlobBenchmark.class, "blob_write", s, "blob_write", 1,
              BLOB_SETUP, 0),
          jmhStep(quick, keys, BlobBenchmark.class, "blob_read", s, "blob_read", 1,
              BLOB_SETUP, 0))));
    }
    for (String s : stores) {
      if (quick && !QUICK_SUBSET.contains(s)) {
        continue;
      }
      List<String> flags = heapProbeFlags(quick);
      tasks.add(new Task(s, "heap per record", List.of(new Step(
          Estimate.heapProbe(flags, loadEstimate(s, keys)), "one fresh JVM per store",
          c -> c.heapProbe(s, flags)))));
    }
    tasks.add(new Task("weir", "objects", List.of(jmhStep(quick, keys, ObjectBenchmark.class,
        OBJECT_METHODS, null, null, OBJECT_BENCHMARKS, OBJECT_SETUP, 0))));
    for (String[] t : TABLE_TASKS) {
      int benchmarks = t[1].split("\\|").length;
      tasks.add(new Task("weir", t[0], List.of(jmhStep(quick, keys, TableBenchmark.class, t[1],
          null, null, benchmarks, TABLE_LOAD_PER_MILLION * keys / 1e6, 0))));
    }
    tasks.add(new Task("weir", "table_bytes", List.of(new Step(
        TABLE_MEMORY_PER_MILLION * keys / 1e6, "in this JVM, from the store's accounting",
        c -> c.tableFootprint()))));
    tasks.addAll(DurableReport.tasks(quick, keys));
    tasks.addAll(PartiqlReport.tasks(quick, keys));
    if (!quick) {
      tasks.add(new Task("weir", "lone put latency", List.of(jmhStep(quick, keys,
          LonePutLatencyBenchmark.class, "putlone_weir", null, "putlone", 1,
          loadEstimate("weir", Dataset.KEYS), 0))));
    }
    return tasks;
  }

  /**
   * The tables tasks (issue 14): workload, then TableBenchmark's methods, each beside its KV
   * counterpart so both run in the same run; the memory figure is {@link TableMemory}'s.
   */
  static final List<String[]> TABLE_TASKS = List.of(
      new String[] {"table_put", "(put_table|put_kv)"},
      new String[] {"table_get", "(get_table|get_kv)"},
      new String[] {"table_mixed", "(mixed_table|mixed_kv)"},
      new String[] {"table_query", "(query_table|query_kv)"},
      new String[] {"table_put_2gsi", "(put_table_2gsi)"});
  /** Seconds to load a million users into a table or a KV store, compact and settle it. */
  static final double TABLE_LOAD_PER_MILLION = 8;
  /** Seconds {@link TableMemory} takes for a million users (four stores loaded). */
  static final double TABLE_MEMORY_PER_MILLION = 30;

  /** ObjectBenchmark's methods that the comparison reports (its own copy baseline is not). */
  static final String OBJECT_METHODS = "(write4MiB.*|read4MiB|rangedRead64KiB.*|complete100Parts)";
  /** What OBJECT_METHODS runs: 3 writes, a read, 2 ranged reads, 2 part sizes. */
  static final int OBJECT_BENCHMARKS = 8;
  /** ObjectBenchmark's set-up: a 256 MiB object and three stores, for each benchmark. */
  static final double OBJECT_SETUP = 0.5;
  /** A blob benchmark's set-up: a store and 16 values of 4 MiB. */
  static final double BLOB_SETUP = 0.5;
  /** A fill is the puts of a load without the settling and checks: about this share of it. */
  static final double FILL_SHARE_OF_LOAD = 0.3;

  /** Rough seconds to load {@code keys} keys into a store and settle it. */
  static double loadEstimate(String store, int keys) {
    double perMillion;
    switch (store) {
      case "map":
      case "vertx_local":
      case "mvstore":
        perMillion = 2;
        break;
      case "rocksdb":
        perMillion = 6;
        break;
      default:
        perMillion = 5;
    }
    return perMillion * keys / 1e6;
  }

  static Step jmhStep(boolean quick, int keys, Class<?> benchmark, String methods,
      String store, String workload, int benchmarks, double setup, double shot) {
    Options options = options(quick, keys, benchmark, methods, store);
    return new Step(Estimate.jmh(options, benchmarks, setup, shot), how(options, shot > 0),
        c -> c.jmh(options, workload, store));
  }

  /** The JMH options of one step: what runs, with which flags, iterations and forks. */
  static Options options(boolean quick, int keys, Class<?> benchmark, String methods,
      String store) {
    ChainedOptionsBuilder o =
        new OptionsBuilder()
            .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + methods + "$")
            .shouldFailOnError(true)
            // Exactly these: JMH would append the class's own @Fork flags to the ones given.
            .jvmArgs((benchmark == FsyncProbe.class ? DurableReport.PROBE_FLAGS
                : forkFlags(quick)).toArray(new String[0]))
            .jvmArgsAppend();
    if (store != null) {
      o.param("store", store);
    }
    if (benchmark == CompareReadBenchmark.class || benchmark == CompareFillBenchmark.class
        || benchmark == TableBenchmark.class || benchmark == DurableReopenBenchmark.class) {
      o.param("keys", Integer.toString(keys));
    }
    // --quick runs in this JVM, except the blobs: 4 MiB allocations measured in a JVM whose heap
    // holds the previous benchmarks' garbage are GC-bound (seen: 200 MB/s instead of 15 GB/s)
    o.forks(quick && benchmark != BlobBenchmark.class ? 0 : 1);
    if (benchmark == CompareFillBenchmark.class || benchmark == DurableReopenBenchmark.class) {
      o.warmupIterations(1).measurementIterations(quick ? 2 : 3).warmupBatchSize(1)
          .measurementBatchSize(1);
    } else if (benchmark == FsyncProbe.class) {
      o.warmupIterations(1).warmupTime(TimeValue.milliseconds(quick ? 500 : 2000))
          .measurementIterations(quick ? 2 : 3)
          .measurementTime(TimeValue.milliseconds(quick ? 500 : 2000));
    } else if (benchmark == DurableFillBenchmark.class) {
      // every iteration starts a fresh store in a fresh directory, 2 s each. Three warm-ups:
      // Weir's durable fill climbs for about 8 s of a fresh JVM while C2 compiles its write
      // path beside the workload on 2 cores (seen, 2 s iterations from a cold fork: 32k, 67k,
      // 112k, 150k writes/s, then flat), where RocksDB's native code is flat from the first
      // (17.6k-18.1k). Five measured: this disk's fsync wanders by 2x between seconds.
      o.warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.milliseconds(quick ? 500 : 2000))
          .measurementIterations(quick ? 2 : 5)
          .measurementTime(TimeValue.milliseconds(quick ? 500 : 2000));
    } else if (benchmark == PartiqlBenchmark.class) {
      // five measured: a bus round trip here wanders by 1.5x between seconds, and the targets
      // are ratios within 1.2-1.5x
      o.warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
          .measurementIterations(quick ? 2 : 5)
          .measurementTime(TimeValue.milliseconds(quick ? 400 : 2000));
    } else if (benchmark == ObjectBenchmark.class) {
      o.warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
          .measurementIterations(quick ? 2 : 3)
          .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000));
    } else {
      // 3 s of warm-up: on 2 shared cores the JIT needs that long to settle a scan's call tree
      // (seen: a first second at a tenth of the steady rate)
      o.warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
          .measurementIterations(quick ? 2 : 3)
          .measurementTime(TimeValue.milliseconds(quick ? 400 : 2000));
    }
    return o.build();
  }

  /** {@code 1 warm-up x 0.4 s, 2 x 0.4 s, in this JVM}, from the options themselves. */
  static String how(Options o, boolean singleShot) {
    int warmups = o.getWarmupIterations().get();
    int measured = o.getMeasurementIterations().get();
    String iterations = singleShot
        ? warmups + " warm-up " + (warmups == 1 ? "fill" : "fills") + ", " + measured + " fills"
        : String.format(Locale.ROOT, "%d warm-up x %s s, %d x %s s", warmups,
            seconds(o.getWarmupTime().get()), measured,
            seconds(o.getMeasurementTime().get()));
    return iterations + (o.getForkCount().get() == 0 ? ", in this JVM" : ", a fork each");
  }

  private static String seconds(TimeValue t) {
    double s = Estimate.seconds(t);
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }

  // ================================================================ running

  private void run() throws Exception {
    List<Task> tasks = plan(quick, stores, keys);
    if (only != null) {
      tasks.removeIf(t -> !only.matcher(t.workload()).find());
    }
    double total = tasks.stream().mapToDouble(Task::estimate).sum();
    System.out.printf(Locale.ROOT,
        "Weir side by side: %d stores, %,d keys, %d benchmark groups, estimated %s"
            + " (load average %s); JMH output in %s%n",
        stores.size(), keys, tasks.size(), duration(total), loadBefore,
        out.resolve(stamp + "-jmh.log"));
    long start = System.nanoTime();
    double doneEstimate = 0;
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double speed = doneEstimate > 0 ? elapsed / doneEstimate : 1;
      double left = (total - doneEstimate) * speed;
      System.out.printf(Locale.ROOT, "[%2d/%d] %-12s %-20s elapsed %s, about %s left%n", i + 1,
          tasks.size(), t.store(), t.workload(), duration(elapsed), duration(left));
      currentGroup = t.group();
      try {
        for (Step step : t.steps()) {
          runSettings.computeIfAbsent(t.group(), g -> new LinkedHashSet<>())
              .add(step.how());
          step.body().accept(this);
        }
      } catch (RuntimeException e) {
        failures.add(t.store() + " " + t.workload() + ": " + e);
        System.out.println("       FAILED: " + e);
      }
      doneEstimate += t.estimate();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Done in %s (estimated %s)%n", duration(elapsed),
        duration(total));
    writeOutputs(elapsed);
  }

  /** A line of JMH's output (a fork's included) or of a heap probe's. */
  private void sawLine(String line) {
    String flags = JvmFlags.parse(line);
    if (flags != null) {
      synchronized (flagsUsed) {
        flagsUsed.computeIfAbsent(flags, f -> new LinkedHashSet<>()).add(currentGroup);
      }
    }
  }

  private void jmh(Options options, String workload, String store) {
    for (RunResult r : runJmh(options)) {
      results.add(r);
      record(r, workload, store);
    }
  }

  /** Runs JMH, waiting (30 s polls, up to 10 minutes) if another JMH run holds its lock. */
  private Collection<RunResult> runJmh(Options options) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      PrintStream stdout = System.out;
      try {
        System.setOut(log); // in-process benchmarks (--quick) print their setup there too
        return new Runner(options, OutputFormatFactory.createFormatInstance(log,
            VerboseMode.NORMAL)).run();
      } catch (RunnerException e) {
        System.setOut(stdout);
        String m = String.valueOf(e.getMessage());
        if (m.contains("lock") && System.nanoTime() < deadline) {
          System.out.println("       another JMH run holds /tmp/jmh.lock: waiting 30 s");
          sleep(30_000);
          continue;
        }
        throw new IllegalStateException(m, e);
      } finally {
        System.setOut(stdout);
      }
    }
  }

  private void record(RunResult r, String workload, String store) {
    Result<?> p = r.getPrimaryResult();
    double score = p.getScore();
    double error = p.getScoreError(); // NaN with too few iterations: then none is shown
    String method = r.getParams().getBenchmark();
    method = method.substring(method.lastIndexOf('.') + 1);
    String s = store != null ? store : r.getParams().getParam("store");
    Score value;
    if (r.getParams().getBenchmark().contains("CompareFillBenchmark")) {
      double ops = keys * 1000.0 / score; // ms per fill -> puts/s
      value = new Score(ops, ops * error / score, "ops/s");
    } else if (r.getParams().getBenchmark().contains("BlobBenchmark")) {
      value = new Score(score * MB_PER_BLOB, error * MB_PER_BLOB, "MB/s");
    } else if (r.getParams().getBenchmark().contains("LonePutLatencyBenchmark")) {
      double p50 = p.getStatistics().getPercentile(50);
      double p99 = p.getStatistics().getPercentile(99);
      scores.put("putlone_p99|weir", new Score(p99, Double.NaN, "ns"));
      value = new Score(p50, Double.NaN, "ns");
      workload = "putlone_p50";
      s = "weir";
    } else if (DurableReport.measures(r.getParams().getBenchmark())) {
      workload = DurableReport.workload(method, r.getParams());
      s = DurableReport.store(method, r.getParams());
      value = new Score(score, error, p.getScoreUnit());
    } else if (PartiqlReport.measures(r.getParams().getBenchmark())) {
      workload = PartiqlReport.workload(method);
      s = "weir";
      value = new Score(score, error, "ops/s");
    } else if (r.getParams().getBenchmark().contains("TableBenchmark")) {
      workload = method;
      s = "weir";
      value = new Score(score, error, "ops/s");
    } else if (r.getParams().getBenchmark().contains("ObjectBenchmark")) {
      String part = r.getParams().getParam("partSize");
      workload = "object_" + method + (part != null ? "_" + part : "");
      s = "weir";
      value = new Score(score, error, p.getScoreUnit());
    } else {
      value = new Score(score, error, "ops/s");
    }
    if (s == null) {
      s = "arraycopy";
    }
    scores.put(workload + "|" + s, value);
    System.out.printf(Locale.ROOT, "       %s %s: %s%n", s, workload, fmt(value));
  }

  private void heapProbe(String store, List<String> flags) {
    runJvm("heap " + store, flags, "HeapProbe", List.of(store, Integer.toString(keys)), line -> {
      if (line.startsWith("HEAP ")) {
        String[] f = line.split(" ");
        double[] v = {Double.parseDouble(f[3]), Double.parseDouble(f[4])};
        heap.put(store, v);
        System.out.printf(Locale.ROOT, "       %s: %.0f heap bytes/record, %.0f RSS bytes/record%n",
            store, v[0], v[1]);
      }
    });
    if (!heap.containsKey(store)) {
      throw new IllegalStateException("heap probe of " + store + " printed no figure");
    }
  }

  /** Bytes on disk per user byte of a durable Weir store, in a fresh JVM (issue 16). */
  void diskFootprint(List<String> flags) {
    runJvm("disk", flags, "DurableFootprint", List.of(Integer.toString(keys)), line -> {
      DurableFootprint.Footprint f = DurableFootprint.parse(line);
      if (f != null) {
        disk = f;
        System.out.printf(Locale.ROOT, "       %.2f bytes on disk per user byte after the fill,"
            + " %.2f after flush and compaction%n", f.fillRatio(), f.compactedRatio());
      }
    });
    if (disk == null) {
      throw new IllegalStateException("DurableFootprint printed no figure");
    }
  }

  /**
   * Runs {@code mainClass} of this package in a fresh JVM with {@code flags}, each line of its
   * output to the log (tagged, so its flags reach {@link #sawLine}) and to {@code onLine}.
   */
  private void runJvm(String tag, List<String> flags, String mainClass, List<String> args,
      Consumer<String> onLine) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PKG + mainClass));
    cmd.addAll(args);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          log.println("[" + tag + "] " + line);
          onLine.accept(line);
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException(mainClass + " (" + tag + ") exited " + p.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void tableFootprint() {
    try {
      footprint = TableMemory.measure(keys);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    System.out.printf(Locale.ROOT, "       %.1f bytes per item, %.1f per KV record (%.2fx)%n",
        footprint.itemBytes(), footprint.kvBytes(), footprint.ratio());
  }

  // ================================================================ outputs

  private void writeOutputs(double elapsed) throws IOException {
    Path json = out.resolve(stamp + ".json");
    ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
    Path png = out.resolve(stamp + ".png");
    try {
      if (charted()) {
        chart(png);
      }
    } catch (RuntimeException | IOException | Error e) {
      failures.add("chart: " + e);
    }
    Path md = out.resolve(stamp + ".md");
    Files.writeString(md, markdown(elapsed));
    log.close();
    System.out.println();
    System.out.println(Files.readString(md));
    System.out.printf("Wrote %s, %s%s (%s)%n", md, json, charted() ? ", " + png : "",
        duration(elapsed));
  }

  private Score score(String workload, String store) {
    return scores.get(workload + "|" + store);
  }

  /** store / Weir, or NaN. */
  private double ratio(String workload, String store, String to) {
    Score a = score(workload, store);
    Score b = score(workload, to);
    return a == null || b == null ? Double.NaN : a.value() / b.value();
  }

  /** Whether a section shows: always in a whole run, only with figures in an --only run. */
  private boolean shows(boolean hasFigures) {
    return only == null || hasFigures;
  }

  /** Whether the chart of ratios to Weir has bars: an --only run of the tables has none. */
  private boolean charted() {
    return rows().stream().anyMatch(this::measured) || measured("blob_write")
        || measured("blob_read");
  }

  /** Whether any store has a figure for {@code workload}. */
  private boolean measured(String workload) {
    return scores.keySet().stream().anyMatch(k -> k.startsWith(workload + "|"));
  }

  private List<String> rows() {
    List<String> rows = new ArrayList<>(FILLS);
    rows.addAll(READS);
    return rows;
  }

  private String markdown(double elapsed) {
    StringBuilder b = new StringBuilder();
    b.append("# Weir side by side").append(quick ? " (--quick: regression check, do not quote)" : "")
        .append(" - ").append(stamp).append("\n\n");
    String option = (quick ? " --quick" : "") + (only == null ? "" : " --only=" + only.pattern());
    b.append("- Command: `./weir bench").append(option).append("` or `benchmarks/compare.sh")
        .append(option).append("`, ").append(duration(elapsed)).append("\n");
    b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(cpuModel()).append(", ").append(memTotal()).append("; load average ")
        .append(loadBefore).append(" before, ").append(loadAverage()).append(" after\n");
    b.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append("; JMH ")
        .append(org.openjdk.jmh.util.Version.getPlainVersion())
        .append(quick ? "; blobs and heap for weir, mvstore, map only" : "").append("\n");
    b.append("- Runs: ");
    StringJoiner runs = new StringJoiner("; ");
    runSettings.forEach((group, hows) -> runs.add(group + " " + String.join(" / ", hows)));
    b.append(runs).append("\n");
    b.append("- JVM flags, as each benchmark JVM reported them: ");
    StringJoiner flags = new StringJoiner("; ");
    synchronized (flagsUsed) {
      flagsUsed.forEach((f, groups) -> flags.add("`" + f + "` (" + String.join(", ", groups)
          + ")"));
    }
    b.append(flags.length() == 0 ? "none reported" : flags.toString()).append("\n");
    b.append("- Commit: `").append(gitHead()).append("`; data set: ")
        .append(String.format(Locale.ROOT, "%,d", keys))
        .append(" random 16-byte keys, 100-byte values, fixed seed; ± is JMH's 99.9% error,"
            + " shown where it measured one (3 iterations or more)\n");
    if (!failures.isEmpty()) {
      b.append("- **Failures:** ").append(String.join("; ", failures)).append("\n");
    }
    if (shows(rows().stream().anyMatch(this::measured))) {
      b.append("\n## Throughput (ops/s; in brackets each store's ratio to Weir)\n\n");
      b.append("| workload |");
      stores.forEach(s -> b.append(' ').append(s).append(" |"));
      b.append("\n|---|");
      stores.forEach(s -> b.append("---|"));
      b.append('\n');
      for (String w : rows()) {
        b.append("| ").append(w).append(" |");
        for (String s : stores) {
          Score sc = score(w, s);
          b.append(' ');
          if (sc == null) {
            b.append("n/a");
          } else {
            b.append(fmtNum(sc.value())).append(spread(sc));
            if (!s.equals("weir")) {
              b.append(String.format(Locale.ROOT, " (%.2fx)", ratio(w, s, "weir")));
            }
          }
          b.append(" |");
        }
        b.append('\n');
      }
      b.append("\n`readwhilewriting` is 50/50 on one thread (one get and one put per invocation);"
          + " `seekrandom` reads 100 entries from a random key (the Vert.x maps are hash maps:"
          + " n/a); fills are 1 warm-up + N whole fills into fresh stores, puts/s.\n");
    }

    Score cf = score("blob_copy_fresh", "arraycopy");
    Score cr = score("blob_copy_reuse", "arraycopy");
    if (shows(measured("blob_write") || measured("blob_read"))) {
      b.append("\n## Blob: 4 MiB values, one thread (MB/s = 10^6 bytes/s)\n\n");
      b.append("| store | write MB/s | write / arraycopy (fresh) | read MB/s | read / arraycopy"
          + " (reuse) |\n|---|---|---|---|---|\n");
      b.append("| arraycopy probe | ").append(fmt(cf)).append(" (new array) | 1.00x | ")
          .append(fmt(cr)).append(" (reused array) | 1.00x |\n");
      for (String s : BLOB_STORES) {
        Score w = score("blob_write", s);
        Score r = score("blob_read", s);
        if (w == null && r == null) {
          continue;
        }
        b.append("| ").append(s).append(" | ").append(fmt(w)).append(" | ")
            .append(ratioText(w, cf)).append(" | ").append(fmt(r)).append(" | ")
            .append(ratioText(r, cr)).append(" |\n");
      }
    }

    double[] wh = heap.get("weir");
    if (shows(!heap.isEmpty())) {
      b.append("\n## Retained memory per record after fillrandom (fresh JVM per store)\n\n");
      b.append("| store | heap bytes/record | ratio to Weir | RSS growth bytes/record |\n"
          + "|---|---|---|---|\n");
      for (Map.Entry<String, double[]> e : heap.entrySet()) {
        b.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.0f |%n", e.getKey(),
            e.getValue()[0], wh == null ? "n/a"
                : String.format(Locale.ROOT, "%.2fx", e.getValue()[0] / wh[0]), e.getValue()[1]));
      }
      b.append("\nHeap: used heap after 5 x System.gc(), loaded minus empty store; every record"
          + " holds its own 16 + 100 bytes. RSS: the JVM runs with -XX:+AlwaysPreTouch, so RSS"
          + " growth is mostly off-heap memory (RocksDB's).\n");
    }

    if (shows(scores.keySet().stream().anyMatch(k -> k.startsWith("object_")))) {
      b.append("\n## Objects: average time per operation\n\n");
      b.append("| benchmark | time | MB/s |\n|---|---|---|\n");
      for (Map.Entry<String, Score> e : scores.entrySet()) {
        if (!e.getKey().startsWith("object_")) {
          continue;
        }
        String name = e.getKey().substring(7, e.getKey().indexOf('|'));
        Score sc = e.getValue();
        String mbs = name.matches("(write|read)4MiB.*")
            ? fmtNum(MB_PER_BLOB * 1e6 / toMicros(sc)) : "";
        b.append("| ").append(name).append(" | ").append(fmt3(sc)).append(" | ").append(mbs)
            .append(" |\n");
      }
      b.append("\nThe object store's 4 MiB write and read are judged in the blob table and the"
          + " targets (weir_object), against the arraycopy probe like every blob.\n");
    }

    tables(b);
    DurableReport.section(b, this::score, disk, keys);
    PartiqlReport.section(b, this::score);

    b.append("\n## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    targets(b);
    if (shows(measured("fillseq") || measured("readrandom")
        || measured("readwhilewriting") || wh != null || measured("blob_write"))) {
      b.append("\n## Published reference figures (not measured here)\n\n");
      b.append("| figure | source | reference | Weir here | Weir / reference | target (>= 2x) |\n"
          + "|---|---|---|---|---|---|\n");
      reference(b, "1,000,000 sequential writes", "fillseq", 117_000, false);
      reference(b, "random reads", "readrandom", 357_000, false);
      reference(b, "50/50 mixed", "readwhilewriting", 65_000, false);
      if (wh != null) {
        double over = wh[0] - PAYLOAD;
        b.append(String.format(Locale.ROOT,
            "| bytes per record beyond key and value | %s | ~200 B stated, %d B in its worked"
                + " example (%d B in all) | %.0f B (%.0f B in all) | %.2fx smaller (%.2fx in all)"
                + " | %s |%n",
            SEED_LSM, SEED_OVERHEAD, SEED_EXAMPLE_TOTAL, over, wh[0], SEED_OVERHEAD / over,
            SEED_EXAMPLE_TOTAL / wh[0], SEED_OVERHEAD / over >= 2 ? "met" : "missed"));
      }
      refBlob(b, "4 MB writes", "blob_write", 38_401, cf);
      refBlob(b, "4 MB reads", "blob_read", 36_813, cr);
      b.append("\nThe block store's figures are above this machine's memory-copy bandwidth (see"
          + " the arraycopy probe): for blobs the target is >= 0.5x the probe of the same run.\n");
    }

    if (charted()) {
      b.append("\n![ratios to Weir](").append(stamp).append(".png)\n");
    }
    return b.toString();
  }

  /** The tables beside the KV API (issue 14): each operation's figures and their ratio. */
  private void tables(StringBuilder b) {
    if (score("put_table", "weir") == null && score("get_table", "weir") == null
        && footprint == null) {
      return;
    }
    b.append("\n## Tables (issue 14): items beside KV records of the same content, one thread"
        + "\n\n| operation | tables | KV API | tables / KV |\n|---|---|---|---|\n");
    tableRow(b, "put (overwrite a random user; plain table)", "put_table", "put_kv");
    tableRow(b, "get (a random user)", "get_table", "get_kv");
    tableRow(b, "50/50 (a get and a put a call)", "mixed_table", "mixed_kv");
    tableRow(b, "100 items: query of a partition / scan of a key prefix", "query_table",
        "query_kv");
    Score gsi = score("put_table_2gsi", "weir");
    Score plain = score("put_table", "weir");
    if (gsi != null) {
      b.append("| put on a table with 2 global indexes | ").append(fmtNum(gsi.value()))
          .append(spread(gsi)).append(" ops/s | n/a | ")
          .append(plain == null ? "n/a" : String.format(Locale.ROOT,
              "%.2fx the time of a plain put", plain.value() / gsi.value()))
          .append(" |\n");
    }
    if (footprint != null) {
      b.append(String.format(Locale.ROOT,
          "| bytes per item / per KV record (the store's accounting) | %.1f B | %.1f B | %.2fx |%n",
          footprint.itemBytes(), footprint.kvBytes(), footprint.ratio()));
    }
    b.append(String.format(Locale.ROOT, "%nThe data (`TableData`): %,d users; an item of 5"
        + " attributes (pk `user#00012345`, name, age, email, active)%s; the KV record holds the"
        + " same content: the pk as key, the other four attributes as compact JSON as value%s."
        + " Operations build their keys and items from the user's index; gets and puts pick"
        + " random users of the loaded store; puts write a new version. The query reads a team"
        + " of 100 (a table with sort key, partition `team#000123`); the KV side scans the"
        + " prefix `team#000123/`. The 2 global indexes: `by-email` (keys only) and `by-age`"
        + " (age, name; all attributes). Bytes: `EngineStats.liveBytes` of n users minus that of"
        + " the empty store, over n, after compaction, the change log kept at its smallest"
        + " (`TableMemory`): the same in every run.%n", keys,
        footprint == null ? "" : String.format(Locale.ROOT,
            ", %.1f bytes of engine key and value (DynamoDB size %.1f)",
            footprint.itemEntryBytes(), footprint.itemSize()),
        footprint == null ? "" : String.format(Locale.ROOT, ", %.1f bytes",
            footprint.kvEntryBytes())));
  }

  private void tableRow(StringBuilder b, String label, String table, String kv) {
    Score t = score(table, "weir");
    Score k = score(kv, "weir");
    if (t == null && k == null) {
      return;
    }
    b.append("| ").append(label).append(" | ").append(fmt(t)).append(" | ").append(fmt(k))
        .append(" | ").append(ratioText(t, k)).append(" |\n");
  }

  /** Issue 14's targets: the reference's figures twice over, and ratios within the run. */
  private void tableTargets(StringBuilder b) {
    for (String[] ref : new String[][] {{"put_table", "putItem", "117000", "writes"},
        {"get_table", "getItem", "357000", "reads"}, {"mixed_table", "50/50 items", "65000",
        "mixed"}}) {
      Score s = score(ref[0], "weir");
      double twice = 2 * Double.parseDouble(ref[2]);
      target(b, ref[1] + " >= " + fmtNum(twice) + "/s (2x the LSM reference's "
              + fmtNum(Double.parseDouble(ref[2])) + " " + ref[3] + "/s)",
          s == null ? Double.NaN : s.value() / twice, 1, fmtScore(ref[0], "weir") + " ops/s");
    }
    weirRatioTarget(b, "getItem >= 0.5x the KV get of the same run", "get_table", "get_kv", 0.5);
    Score plain = score("put_table", "weir");
    Score gsi = score("put_table_2gsi", "weir");
    double slower = plain == null || gsi == null ? Double.NaN : plain.value() / gsi.value();
    target(b, "putItem with 2 global indexes <= 2.5x the time of a plain putItem",
        2.5 / slower, 1, String.format(Locale.ROOT, "%.2fx the time (%s vs %s puts/s)", slower,
            fmtScore("put_table_2gsi", "weir"), fmtScore("put_table", "weir")));
    double bytes = footprint == null ? Double.NaN : footprint.ratio();
    target(b, "bytes per item <= 1.5x the KV record of the same content", 1.5 / bytes, 1,
        footprint == null ? "n/a" : String.format(Locale.ROOT, "%.2fx (%.1f B vs %.1f B)",
            bytes, footprint.itemBytes(), footprint.kvBytes()));
  }

  /** The key and value bytes every record of the data set holds. */
  static final int PAYLOAD = Dataset.KEY_SIZE + Dataset.VALUE_SIZE;
  /**
   * The LSM reference's memory per record: its summary says "~200 bytes per record overhead";
   * its worked example (a 10-byte key, a 100-byte item) counts 96 bytes of overhead, 214 in all.
   * The targets use the example's overhead, the stricter of its two overhead figures.
   */
  static final int SEED_OVERHEAD = 96;
  static final int SEED_EXAMPLE_TOTAL = 214;

  static final String SEED_LSM = "in-memory LSM reference (KeystoneDB in-memory mode)";
  static final String SEED_BLOCK = "block store reference (an in-memory block store)";

  private void reference(StringBuilder b, String label, String w, double ref, boolean lower) {
    Score s = score(w, "weir");
    if (s == null) {
      return;
    }
    double r = s.value() / ref;
    b.append(String.format(Locale.ROOT, "| %s | %s | %s ops/s | %s ops/s | %.2fx | %s |%n", label,
        SEED_LSM, fmtNum(ref), fmtNum(s.value()), r, r >= 2 ? "met" : "missed"));
  }

  private void refBlob(StringBuilder b, String label, String w, double ref, Score probe) {
    Score s = score(w, "weir");
    Score o = score(w, "weir_object");
    if (s == null) {
      return;
    }
    b.append(String.format(Locale.ROOT, "| %s | %s | %s MB/s | %s MB/s (KV)%s | %.2fx | %s |%n",
        label, SEED_BLOCK, fmtNum(ref), fmtNum(s.value()),
        o == null ? "" : ", " + fmtNum(o.value()) + " MB/s (objects)", s.value() / ref,
        "n/a: above this machine's copy bandwidth (" + (probe == null ? "?"
            : fmtNum(probe.value())) + " MB/s); see blob target"));
  }

  private void target(StringBuilder b, String target, double value, double min,
      String measured) {
    String verdict;
    if (Double.isNaN(value) && only != null) {
      return; // another part of the comparison
    } else if (Double.isNaN(value)) {
      verdict = "not measured";
    } else if (value >= min) {
      verdict = "met";
    } else {
      verdict = String.format(Locale.ROOT, "**missed** (%.0f%% short)", 100 * (1 - value / min));
    }
    b.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict)
        .append(" |\n");
  }

  /** Weir's gets/s in workload {@code w} at least {@code min} times those in {@code than}. */
  private void weirRatioTarget(StringBuilder b, String label, String w, String than, double min) {
    Score a = score(w, "weir");
    Score c = score(than, "weir");
    double r = a == null || c == null ? Double.NaN : a.value() / c.value();
    target(b, label, r, min, String.format(Locale.ROOT, "%.2fx (%s vs %s gets/s)", r,
        fmtScore(w, "weir"), fmtScore(than, "weir")));
  }

  private void ratioTarget(StringBuilder b, String w, String peer, double min) {
    double r = ratio(w, "weir", peer);
    target(b, String.format(Locale.ROOT, "%s: Weir >= %.1fx %s", w, min, peer), r, min,
        String.format(Locale.ROOT, "%.2fx (%s vs %s)", r, fmtScore(w, "weir"), fmtScore(w, peer)));
  }

  /**
   * Every target once, each judged against one baseline: a store, the published reference, or
   * for 4 MiB values the arraycopy probe of the same run (a copy into a new array for writes,
   * into a reused buffer for reads), the same for the key-value store and the object store.
   */
  private void targets(StringBuilder b) {
    ratioTarget(b, "readrandom", "map", 0.7);
    ratioTarget(b, "readrandom_2threads", "map", 0.7);
    Score seq = score("fillseq", "weir");
    target(b, "fillseq >= 1,000,000 puts/s", seq == null ? Double.NaN : seq.value() / 1e6,
        1, fmtScore("fillseq", "weir") + " puts/s");
    ratioTarget(b, "fillrandom", "map", 1.0);
    Score lone = score("putlone_p50", "weir");
    target(b, "lone put p50 <= 5 µs", lone == null ? Double.NaN : 5000 / lone.value(), 1,
        lone == null ? "n/a" : String.format(Locale.ROOT, "p50 %.2f µs, p99 %.2f µs",
            lone.value() / 1000, score("putlone_p99", "weir").value() / 1000));
    for (String peer : List.of("mvstore", "rocksdb")) {
      for (String w : List.of("readrandom", "fillrandom", "seekrandom", "readwhilewriting")) {
        ratioTarget(b, w, peer, 1.0);
      }
    }
    double[] wh = heap.get("weir");
    double[] mh = heap.get("mvstore");
    double hr = wh == null || mh == null ? Double.NaN : mh[0] / wh[0];
    target(b, "heap/record <= 1.0x MVStore", hr, 1.0, wh == null || mh == null ? "n/a"
        : String.format(Locale.ROOT, "Weir %.0f B vs MVStore %.0f B (%.2fx)", wh[0], mh[0],
            wh[0] / mh[0]));
    weirRatioTarget(b, "get of an absent key >= 3x a present one", "readmissing", "readrandom",
        3.0);
    Score big = score("object_rangedRead64KiB", "weir");
    Score small = score("object_rangedRead64KiB_from4MiB", "weir");
    independent(b, "64 KiB ranged read: 256 MiB object vs 4 MiB object", big, small);
    Score p1 = score("object_complete100Parts_1024", "weir");
    Score p2 = score("object_complete100Parts_1048576", "weir");
    independent(b, "complete 100 parts: 1 MiB parts vs 1 KiB parts", p2, p1);
    for (String[] ref : new String[][] {{"fillseq", "117000"}, {"readrandom", "357000"},
        {"readwhilewriting", "65000"}}) {
      Score s = score(ref[0], "weir");
      double r = s == null ? Double.NaN : s.value() / Double.parseDouble(ref[1]);
      target(b, ref[0] + " >= 2x the LSM reference (" + fmtNum(Double.parseDouble(ref[1]))
          + " ops/s)", r, 2.0, String.format(Locale.ROOT, "%.2fx", r));
    }
    target(b, "bytes a record holds beyond its key and value <= half the LSM reference's"
            + " (~200 B stated; the stricter " + SEED_OVERHEAD + " B of its worked example)",
        wh == null ? Double.NaN : SEED_OVERHEAD / (wh[0] - PAYLOAD), 2.0,
        wh == null ? "n/a" : String.format(Locale.ROOT,
            "%.0f B beyond the %d B of key and value (%.2fx smaller); %.0f B in all vs the"
                + " example's %d B (%.2fx)",
            wh[0] - PAYLOAD, PAYLOAD, SEED_OVERHEAD / (wh[0] - PAYLOAD), wh[0],
            SEED_EXAMPLE_TOTAL, SEED_EXAMPLE_TOTAL / wh[0]));
    Score cf = score("blob_copy_fresh", "arraycopy");
    Score cr = score("blob_copy_reuse", "arraycopy");
    for (String s : List.of("weir", "weir_object")) {
      String what = s.equals("weir") ? "4 MiB value" : "4 MiB object";
      Score w = score("blob_write", s);
      Score r = score("blob_read", s);
      target(b, what + " write >= 0.5x arraycopy into a new array",
          w == null || cf == null ? Double.NaN : w.value() / cf.value(), 0.5,
          ratioText(w, cf) + " (" + fmt(w) + " vs " + fmt(cf) + ")");
      target(b, what + " read >= 0.5x arraycopy into a reused buffer",
          r == null || cr == null ? Double.NaN : r.value() / cr.value(), 0.5,
          ratioText(r, cr) + " (" + fmt(r) + " vs " + fmt(cr) + ")");
    }
    tableTargets(b);
    DurableReport.targets(b, this::score, this::target);
    PartiqlReport.targets(b, this::score, this::target);
  }

  /**
   * "Independent of size": the larger case ({@code a}) costs at most 25% more than the smaller
   * ({@code c}); being cheaper is not a dependence on size that the target forbids.
   */
  private void independent(StringBuilder b, String label, Score a, Score c) {
    double r = a == null || c == null ? Double.NaN : toMicros(a) / toMicros(c);
    if (Double.isNaN(r) && only != null) {
      return;
    }
    String verdict = Double.isNaN(r) ? "not measured"
        : r <= 1.25 ? "met" : String.format(Locale.ROOT, "**missed** (%.2fx)", r);
    b.append("| ").append(label).append(" independent of size (larger <= 1.25x smaller) | ")
        .append(a == null || c == null ? "n/a" : String.format(Locale.ROOT,
            "%s vs %s µs (%.2fx)", fmtNum3(toMicros(a)), fmtNum3(toMicros(c)), r))
        .append(" | ").append(verdict).append(" |\n");
  }

  static double toMicros(Score s) {
    switch (s.unit()) {
      case "ns/op":
        return s.value() / 1000;
      case "ms/op":
        return s.value() * 1000;
      case "s/op":
        return s.value() * 1e6;
      default:
        return s.value();
    }
  }

  private void chart(Path png) throws IOException {
    List<String> workloads = new ArrayList<>(rows());
    workloads.add("blob_write");
    workloads.add("blob_read");
    CategoryChart chart =
        new CategoryChartBuilder().width(1400).height(700)
            .title("Each store's throughput as a ratio to Weir's (log scale; < 1 = Weir ahead)")
            .xAxisTitle("workload").yAxisTitle("store / Weir").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisLabelRotation(20);
    double min = 1;
    List<String> peers = new ArrayList<>(stores);
    peers.remove("weir");
    for (String s : peers) {
      List<Double> ys = new ArrayList<>();
      for (String w : workloads) {
        double r = ratio(w, s, "weir");
        ys.add(Double.isNaN(r) || r <= 0 ? null : r);
        if (r > 0) {
          min = Math.min(min, r);
        }
      }
      if (ys.stream().anyMatch(java.util.Objects::nonNull)) {
        chart.addSeries(s, workloads, ys);
      }
    }
    // a log axis needs a positive minimum (bars start there): one power of ten below the least
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  // ================================================================ formatting and machine

  private String fmtScore(String w, String s) {
    Score sc = score(w, s);
    return sc == null ? "n/a" : fmtNum(sc.value());
  }

  private static String ratioText(Score a, Score b) {
    return a == null || b == null ? "n/a"
        : String.format(Locale.ROOT, "%.2fx", a.value() / b.value());
  }

  /** A time or a rate with its unit, three significant digits for small figures. */
  static String fmt3(Score s) {
    return s == null ? "n/a" : fmtNum3(s.value()) + (Double.isFinite(s.error())
        ? " ± " + fmtNum3(s.error()) : "") + " " + s.unit();
  }

  static String fmt(Score s) {
    return s == null ? "n/a" : fmtNum(s.value()) + spread(s) + " " + s.unit();
  }

  /** {@code " ± 1,234"}, or nothing where JMH measured no error (too few iterations). */
  static String spread(Score s) {
    return Double.isFinite(s.error()) ? " ± " + fmtNum(s.error()) : "";
  }

  static String fmtNum(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String fmtNum3(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.3g", v);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  static String memTotal() {
    long gib = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize()
        >> 30;
    return gib + " GiB RAM";
  }

  static String gitHead() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
          .redirectErrorStream(true).start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? s : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }
}
