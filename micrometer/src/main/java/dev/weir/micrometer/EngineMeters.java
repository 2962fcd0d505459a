package dev.weir.micrometer;

import dev.weir.engine.EngineStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The engine's figures ({@link EngineStats}) as gauges and function counters, each reading the
 * latest stats when polled. Before the first stats arrive a gauge reads NaN.
 */
final class EngineMeters {

  /** Levels 0 to 6 get a gauge each; runs deeper, if any, count in level 6's. */
  static final int LEVELS = 7;

  private final LatestValue<EngineStats> stats;

  EngineMeters(LatestValue<EngineStats> stats) {
    this.stats = stats;
  }

  void bindTo(MeterRegistry registry, Tags tags) {
    gauge(registry, tags, "weir.memory.live", BaseUnits.BYTES,
        "Heap bytes the store counts against its memory budget", EngineStats::liveBytes);
    gauge(registry, tags, "weir.memory.budget", BaseUnits.BYTES,
        "The memory budget: writes past it fail with StoreFullException",
        s -> s.maxMemoryBytes() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : s.maxMemoryBytes());
    gauge(registry, tags, "weir.entries", null,
        "Key versions held in memtables and runs (approximate)", EngineStats::entries);
    gauge(registry, tags, "weir.memtables", null,
        "The active memtable and the frozen ones waiting for their flush", EngineStats::memtables);
    for (int level = 0; level < LEVELS; level++) {
      int l = level;
      gauge(registry, tags.and("level", Integer.toString(level)), "weir.runs", null,
          "Runs on a level", s -> runs(s.runsPerLevel(), l));
    }
    gauge(registry, tags, "weir.snapshots.open", null,
        "Snapshots open now, explicit and scans'", EngineStats::openSnapshots);
    gauge(registry, tags, "weir.writes.pending", null,
        "Writes handed to the write loop and not yet applied", EngineStats::pendingWrites);
    gauge(registry, tags, "weir.changes.watchers", null,
        "Change streams open now", EngineStats::watchers);
    gauge(registry, tags, "weir.read.only", null,
        "1 when a failure stopped writes until the store is reopened, else 0",
        s -> s.readOnly() ? 1 : 0);

    counter(registry, tags, "weir.flushes", null, "Memtables flushed to runs",
        EngineStats::flushes);
    counter(registry, tags, "weir.flush.written", BaseUnits.BYTES,
        "Heap bytes of the runs flushes wrote", EngineStats::flushBytes);
    counter(registry, tags, "weir.compactions", null, "Merges of runs done",
        EngineStats::compactions);
    counter(registry, tags, "weir.compaction.read", BaseUnits.BYTES,
        "Heap bytes of the runs compactions merged", EngineStats::compactionBytesRead);
    counter(registry, tags, "weir.compaction.written", BaseUnits.BYTES,
        "Heap bytes of the runs compactions wrote", EngineStats::compactionBytesWritten);
    counter(registry, tags, "weir.compaction.failures", null,
        "Compaction jobs that failed (their inputs stay as they were)",
        EngineStats::compactionFailures);
    counter(registry, tags, "weir.write.stalls", null,
        "Times writes were held back for compaction", EngineStats::writeStalls);
    counter(registry, tags, "weir.writes.rejected", null,
        "Writes refused for the memory budget (StoreFullException)", EngineStats::rejectedWrites);
    counter(registry, tags, "weir.writes.applied", null,
        "Operations the write loop applied", EngineStats::writesApplied);
    counter(registry, tags, "weir.write.groups", null,
        "Groups the write loop committed", EngineStats::writeGroups);
    counter(registry, tags, "weir.changes.overflows", null,
        "Change streams ended because they fell behind the change log",
        EngineStats::changeOverflows);
    counter(registry, tags, "weir.transactions.commits", null, "Transactions committed",
        EngineStats::transactionCommits);
    counter(registry, tags, "weir.transactions.conflicts", null,
        "Commits refused because what they read had changed", EngineStats::transactionConflicts);
  }

  private static double runs(List<Integer> perLevel, int level) {
    if (level >= perLevel.size()) {
      return 0;
    }
    if (level < LEVELS - 1) {
      return perLevel.get(level);
    }
    double deepest = 0;
    for (int l = level; l < perLevel.size(); l++) {
      deepest += perLevel.get(l);
    }
    return deepest;
  }

  private void gauge(MeterRegistry registry, Tags tags, String name, String unit,
      String description, ToDoubleFunction<EngineStats> value) {
    Gauge.builder(name, stats, latest -> read(latest, value))
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  private void counter(MeterRegistry registry, Tags tags, String name, String unit,
      String description, ToDoubleFunction<EngineStats> value) {
    FunctionCounter.builder(name, stats, latest -> read(latest, value))
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .register(registry);
  }

  private static double read(LatestValue<EngineStats> latest, ToDoubleFunction<EngineStats> f) {
    EngineStats s = latest.get();
    return s == null ? Double.NaN : f.applyAsDouble(s);
  }
}
