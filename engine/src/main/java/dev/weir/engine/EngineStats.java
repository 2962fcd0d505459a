package dev.weir.engine;

import java.util.List;

/**
 * A point-in-time view of a store's shape and counters; approximate where noted.
 *
 * @param entries key versions held in memtables and runs (approximate: shadowed versions not
 *     yet compacted count too); the block store's {@code blockCount}
 * @param valueBytes bytes of values held; the block store's {@code totalSize}
 * @param liveBytes heap bytes the store accounts against its memory budget
 * @param maxMemoryBytes the budget
 * @param memtables the active memtable plus frozen ones waiting for their flush
 * @param runsPerLevel number of runs on each level, level 0 first
 * @param bloomUseful lookups a bloom filter answered "absent" without a search
 * @param bloomFalsePositives lookups a bloom filter let through for a key its run lacks
 * @param flushes memtables flushed to runs
 * @param compactions merges of runs done
 * @param compactionFailures compaction jobs that failed (their inputs stay as they were)
 * @param lastCompactionFailure the last such failure, or null
 * @param writeStalls times the write loop held writes back for compaction
 * @param rejectedWrites writes refused for the memory budget
 * @param openSnapshots snapshots open now, explicit and scans'
 * @param rangeTombstones range tombstones not yet retired by compaction
 * @param lastSequence the last sequence number given
 * @param writeGroups groups the write loop committed
 * @param writesApplied operations the write loop applied
 * @param flushBytes heap bytes of the runs flushes wrote
 * @param compactionBytesRead heap bytes of the runs compactions merged
 * @param compactionBytesWritten heap bytes of the runs compactions wrote
 * @param pendingWrites writes handed to the write loop and not yet applied (approximate)
 * @param watchers change streams open now
 * @param changeOverflows change streams ended because they fell behind the change log
 * @param transactionCommits transactions committed
 * @param transactionConflicts commits refused because what they read had changed
 * @param failure the error that stopped writes (the store is then read-only until reopened),
 *     or null
 */
public record EngineStats(
    long entries,
    long valueBytes,
    long liveBytes,
    long maxMemoryBytes,
    int memtables,
    List<Integer> runsPerLevel,
    long bloomUseful,
    long bloomFalsePositives,
    long flushes,
    long compactions,
    long compactionFailures,
    String lastCompactionFailure,
    long writeStalls,
    long rejectedWrites,
    int openSnapshots,
    int rangeTombstones,
    long lastSequence,
    long writeGroups,
    long writesApplied,
    long flushBytes,
    long compactionBytesRead,
    long compactionBytesWritten,
    long pendingWrites,
    int watchers,
    long changeOverflows,
    long transactionCommits,
    long transactionConflicts,
    String failure) {

  /** Whether writes are refused for good: a failure stopped the store; reads go on. */
  public boolean readOnly() {
    return failure != null;
  }
}
