package dev.weir.benchmarks;

import dev.weir.benchmarks.Compare.Score;
import dev.weir.benchmarks.Compare.Scores;
import dev.weir.benchmarks.Compare.Step;
import dev.weir.benchmarks.Compare.Targets;
import dev.weir.benchmarks.Compare.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The durable part of the comparison (issue 16, {@code --only=durable}): its steps, how its
 * JMH results are named, its section of the report and its targets. The figures: this disk's
 * fsync ({@link FsyncProbe}); durable {@code fillrandom} at 1 and 256 writes in flight for
 * Weir, RocksDB and MVStore ({@link DurableFillBenchmark}); reopening a durable Weir store
 * with its WAL replayed or its runs loaded ({@link DurableReopenBenchmark}); bytes on disk per
 * user byte ({@link DurableFootprint}, in a fresh JVM).
 */
final class DurableReport {

  /** The fsync probe's JVM: it allocates nothing, so no big pre-touched heap. */
  static final List<String> PROBE_FLAGS = List.of("-Xms256m", "-Xmx256m");
  static final double TARGET_WRITES = 200_000;
  static final double TARGET_OVER_ROCKSDB = 2.0;
  static final double TARGET_LONE_OVER_PROBE = 1.5;
  static final double TARGET_REOPEN_MS = 2000;
  /** Rough seconds to write a million durable records (256 in flight) and close the store. */
  static final double LOAD_PER_MILLION = 8;

  private DurableReport() {}

  static List<Task> tasks(boolean quick, int keys) {
    List<Task> tasks = new ArrayList<>();
    tasks.add(new Task("disk", "durable_fsync", List.of(Compare.jmhStep(quick, keys,
        FsyncProbe.class, "write4k_.*", null, null, 2, 0.2, 0))));
    for (String s : DurableKv.STORES) {
      tasks.add(new Task(s, "durable_fill", List.of(Compare.jmhStep(quick, keys,
          DurableFillBenchmark.class, "fillrandom_(lone|256)", s, null, 2, 0.5, 0))));
    }
    double load = LOAD_PER_MILLION * keys / 1e6;
    tasks.add(new Task("weir", "durable_reopen", List.of(Compare.jmhStep(quick, keys,
        DurableReopenBenchmark.class, "reopen", null, null, 2, 0, load + 1))));
    List<String> flags = Compare.heapProbeFlags(quick);
    tasks.add(new Task("weir", "durable_bytes", List.of(new Step(
        Estimate.jvmStart(flags) + 2 * load, "one fresh JVM", c -> c.diskFootprint(flags)))));
    return tasks;
  }

  /** Whether {@code benchmark} (JMH's full name) is one of this report's. */
  static boolean measures(String benchmark) {
    return benchmark.contains(".FsyncProbe.") || benchmark.contains(".DurableFillBenchmark.")
        || benchmark.contains(".DurableReopenBenchmark.");
  }

  /** The report's name for a result: durable_lone, durable_256, durable_reopen_wal, ... */
  static String workload(String method, BenchmarkParams params) {
    if (params.getBenchmark().contains(".DurableFillBenchmark.")) {
      return method.equals("fillrandom_lone") ? "durable_lone" : "durable_256";
    } else if (params.getBenchmark().contains(".DurableReopenBenchmark.")) {
      return "durable_reopen_" + params.getParam("shape");
    }
    return "durable_" + method; // durable_write4k_fdatasync, durable_write4k_fsync
  }

  static String store(String method, BenchmarkParams params) {
    if (params.getBenchmark().contains(".DurableFillBenchmark.")) {
      return params.getParam("store");
    }
    return params.getBenchmark().contains(".FsyncProbe.") ? "disk" : "weir";
  }

  /** The section of the report, when the run measured anything of it. */
  static void section(StringBuilder b, Scores s, DurableFootprint.Footprint disk, int keys) {
    Score probe = s.score("durable_write4k_fdatasync", "disk");
    Score weir256 = s.score("durable_256", "weir");
    boolean any = probe != null || disk != null || s.score("durable_reopen_wal", "weir") != null
        || DurableKv.STORES.stream().anyMatch(st -> s.score("durable_lone", st) != null);
    if (!any) {
      return;
    }
    b.append("\n## Durable mode (issue 16): every write acknowledged once it is on disk\n\n");
    b.append("| store | lone put (1 in flight) | lone put / fsync probe | 256 in flight |"
        + " ratio to Weir (256 in flight) |\n|---|---|---|---|---|\n");
    for (String st : DurableKv.STORES) {
      Score lone = s.score("durable_lone", st);
      Score many = s.score("durable_256", st);
      if (lone == null && many == null) {
        continue;
      }
      b.append("| ").append(st).append(" | ").append(Compare.fmt3(lone)).append(" | ")
          .append(ratio(lone, probe)).append(" | ").append(Compare.fmt(many)).append(" | ")
          .append(st.equals("weir") ? "1.00x" : ratio(many, weir256)).append(" |\n");
    }
    b.append("\nThe disk (`FsyncProbe`, a 4 KiB append then `force`, as `dd oflag=dsync`): ")
        .append(Compare.fmt3(probe)).append(" with `force(false)` (fdatasync), ")
        .append(Compare.fmt3(s.score("durable_write4k_fsync", "disk")))
        .append(" with `force(true)` (fsync).\n");
    Score wal = s.score("durable_reopen_wal", "weir");
    Score runs = s.score("durable_reopen_runs", "weir");
    if (wal != null || runs != null) {
      b.append(String.format(Locale.ROOT, "%nReopening a durable Weir store of %,d records"
              + " (16 B keys, 100 B values): %s with every record in the WAL (replayed), %s"
              + " flushed and compacted (runs loaded).%n", keys, Compare.fmt3(wal),
          Compare.fmt3(runs)));
    }
    if (disk != null) {
      b.append(String.format(Locale.ROOT, "%nBytes on disk per byte of user data (%,d records,"
              + " %,d bytes of keys and values; default settings): %.2f after the fill"
              + " (%,d bytes: log, runs flushed so far, manifest), %.2f after flush and"
              + " compaction (%,d bytes).%n", keys, disk.userBytes(), disk.fillRatio(),
          disk.afterFill(), disk.compactedRatio(), disk.afterCompaction()));
    }
    b.append("\nWeir: `Weir.open(config)`, `SyncPolicy.ALWAYS`, reactive API, 256 subscribed"
        + " puts in flight. RocksDB JNI: default (disk) Env, WAL on, `sync=true`. MVStore: a"
        + " file, `put` + `commit()` + `sync()` per write (its commit alone does not fsync)."
        + " The blocking stores' 256 in flight are served by " + DurableKv.WRITERS + " writer"
        + " threads (RocksDB groups concurrent writers' WAL syncs; MVStore's commit stores"
        + " every change so far). A fresh directory per iteration (`BenchDir`), deleted after.\n");
  }

  static void targets(StringBuilder b, Scores s, Targets t) {
    Score weir = s.score("durable_256", "weir");
    Score rocks = s.score("durable_256", "rocksdb");
    t.target(b, "durable fillrandom, 256 in flight >= 200,000 acknowledged writes/s",
        weir == null ? Double.NaN : weir.value() / TARGET_WRITES, 1, Compare.fmt(weir));
    double over = weir == null || rocks == null ? Double.NaN : weir.value() / rocks.value();
    t.target(b, "durable fillrandom, 256 in flight: Weir >= 2x RocksDB (sync=true)",
        over / TARGET_OVER_ROCKSDB, 1, String.format(Locale.ROOT, "%.2fx (%s vs %s)", over,
            Compare.fmt(weir), Compare.fmt(rocks)));
    Score lone = s.score("durable_lone", "weir");
    Score probe = s.score("durable_write4k_fdatasync", "disk");
    double r = lone == null || probe == null ? Double.NaN : lone.value() / probe.value();
    t.target(b, "lone durable put <= 1.5x the fsync probe (4 KiB write + fdatasync)",
        TARGET_LONE_OVER_PROBE / r, 1, String.format(Locale.ROOT, "%.2fx (%s vs %s)", r,
            Compare.fmt3(lone), Compare.fmt3(probe)));
    for (String shape : List.of("wal", "runs")) {
      Score reopen = s.score("durable_reopen_" + shape, "weir");
      double ms = reopen == null ? Double.NaN : Compare.toMicros(reopen) / 1000;
      t.target(b, "reopen of the durable store <= 2 s, " + (shape.equals("wal")
              ? "WAL replayed" : "runs loaded"), TARGET_REOPEN_MS / ms, 1,
          Compare.fmt3(reopen));
    }
  }

  private static String ratio(Score a, Score b) {
    return a == null || b == null ? "n/a"
        : String.format(Locale.ROOT, "%.2fx", Compare.toMicros(a) / Compare.toMicros(b));
  }
}
