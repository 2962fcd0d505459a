package dev.weir.engine.compaction;

import dev.weir.engine.StorageFailedException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.engine.WriteCallback;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunBuilder;
import dev.weir.engine.run.RunCursor;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.version.Version;
import dev.weir.engine.version.VersionEdit;
import dev.weir.engine.version.VersionFiles;
import dev.weir.engine.version.VersionHolder;
import dev.weir.engine.write.WriteLoop;
import dev.weir.engine.write.WriteOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The compactor: flushes frozen memtables into runs and merges runs level by level, on its own
 * engine thread, off the write loop's path.
 *
 * <h2>Design</h2>
 *
 * <p><b>Levels, not tiers.</b> Weir's stores live in memory and are read far more often than
 * they are rewritten, so read cost and space win over write amplification: leveled compaction
 * (LevelDB, Pebble) keeps one run per key range on each level from 1 down, so a lookup probes at
 * most the level-0 runs plus one run per level, and shadowed versions are dropped soon after
 * they are shadowed, which keeps the memory budget honest. Tiering would write each byte fewer
 * times but leave several overlapping runs per tier for every lookup and scan to merge, and
 * hold dead versions longer. See {@code engine/COMPACTION.md}.
 *
 * <p><b>One job at a time, a chain of tasks.</b> The compactor never waits. A job reads the
 * current {@link Version}, asks the {@link CompactionPicker} what to do, builds the new runs,
 * and hands a {@link VersionEdit} to the write loop, which alone installs Versions. When the
 * write loop has installed it, the edit's callback schedules the next job; until then nothing
 * runs, so a job never picks inputs that an uninstalled edit already consumed. The thread's
 * only wait is its idle wait for the next task ({@link CompactorThread}), which the BlockHound
 * integration allows there and nowhere else.
 *
 * <p><b>What may be dropped.</b> The write loop's visible sequence is read before the open
 * snapshots (see {@link SnapshotRegistry}), so a snapshot opened during the job reads at or
 * above every sequence the job treats as pinned. {@link MergeIterator} keeps the newest
 * version below each pin and the {@code versionsToKeep} newest, and drops the rest.
 *
 * <p><b>Failure.</b> A job that throws is counted and retried on the next wake-up; the store's
 * data is untouched since nothing is installed.
 *
 * <p><b>Durable mode.</b> Before an edit goes to the write loop, its runs are written as files
 * and the edit recorded in the manifest ({@link VersionFiles}), here on the compactor's thread,
 * which is the only place besides the WAL thread allowed to block on the disk. A flush first
 * waits until the log has made durable every sequence of the memtables it flushes, so no run
 * on disk holds a write that was never acknowledged and the log never has a hole below the
 * flushed sequence. A manifest that could not be written fail-stops the store. Files of removed
 * runs are deleted once their edit is installed; reads never touch files (see {@link
 * VersionFiles}).
 */
public final class Compactor {

  private final VersionHolder versions;
  private final SnapshotRegistry snapshots;
  private final WriteLoop writeLoop;
  private final CompactionPicker picker;
  private final LongSupplier clock;
  private final int versionsToKeep;
  private final int bloomBitsPerKey;
  private final long targetRunBytes;
  private final Run.BloomStats bloomStats;
  private final CompactorThread thread;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wakeAgain = new AtomicBoolean();
  private final AtomicBoolean fullRequested = new AtomicBoolean();
  private final AtomicLong runIds;
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private final AtomicLong flushBytes = new AtomicLong();
  private final AtomicLong compactionBytesRead = new AtomicLong();
  private final AtomicLong compactionBytesWritten = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  /** Waiters for idleness, each with the request generation it was made at. */
  private final ConcurrentLinkedQueue<IdleWaiter> idleWaiters = new ConcurrentLinkedQueue<>();
  private final AtomicLong idleRequests = new AtomicLong();

  private record IdleWaiter(long generation, CompletableFuture<Void> done) {}

  /**
   * Sweeps asked for and not yet handed to the write loop (which answers every op it takes, even
   * after close). The compactor thread drops its queued tasks when it stops, so {@link #close()}
   * answers these itself: whoever removes a request from here is the one that answers it.
   */
  private final ConcurrentLinkedQueue<WriteCallback> pendingSweeps = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;
  /** Durable mode's files and hooks; null in memory. */
  private final DurableEdits durable;
  /** Set on the compactor's thread when the manifest failed: no job runs again. */
  private volatile boolean diskFailed;

  public Compactor(
      String storeName,
      VersionHolder versions,
      SnapshotRegistry snapshots,
      WriteLoop writeLoop,
      CompactionPicker picker,
      LongSupplier clock,
      int versionsToKeep,
      int bloomBitsPerKey,
      long targetRunBytes,
      Run.BloomStats bloomStats,
      AtomicLong runIds,
      long expirySweepNanos,
      DurableEdits durable) {
    this.durable = durable;
    this.versions = versions;
    this.snapshots = snapshots;
    this.writeLoop = writeLoop;
    this.picker = picker;
    this.clock = clock;
    this.versionsToKeep = versionsToKeep;
    this.bloomBitsPerKey = bloomBitsPerKey;
    this.targetRunBytes = targetRunBytes;
    this.bloomStats = bloomStats;
    this.runIds = runIds;
    this.thread =
        new CompactorThread(
            "weir-compactor-" + storeName,
            failures::incrementAndGet,
            this::tick,
            expirySweepNanos);
  }

  /** Asks for a look at the current shape; cheap and non-blocking, callable from any thread. */
  public void wake() {
    if (closed) {
      return;
    }
    if (running.compareAndSet(false, true)) {
      thread.execute(this::runOne);
    } else {
      wakeAgain.set(true);
    }
  }

  /**
   * Finds values whose time to live has passed and hands them to the write loop, which turns
   * each one still current into a deletion with a sequence number: that is what lets change
   * streams report expiries in commit order. Reads never wait for this; they already hide
   * expired values. Runs on the compactor thread; {@code done} (if any) hears how many expired.
   */
  public void requestExpirySweep(WriteCallback done) {
    pendingSweeps.add(done);
    thread.execute(() -> {
      if (pendingSweeps.remove(done)) {
        sweepExpired(done);
      }
    });
    if (closed) {
      failPendingSweeps(); // close may have answered before the add above
    }
  }

  private void failPendingSweeps() {
    for (WriteCallback done; (done = pendingSweeps.poll()) != null; ) {
      done.onError(new StoreClosedException("the store was closed before the expiry sweep ran"));
    }
  }

  /**
   * The periodic look: expiries, and a retry of compaction in case the last job failed (a failed
   * job installs nothing and would otherwise wait for the next flush to be tried again).
   */
  private void tick() {
    sweepExpired(null);
    wake();
  }

  private void sweepExpired(WriteCallback done) {
    if (closed) {
      if (done != null) {
        done.onError(new StoreClosedException("the store was closed before the expiry sweep ran"));
      }
      return;
    }
    Version v = versions.current();
    long now = clock.getAsLong();
    List<byte[]> keys = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    VersionRef ref = new VersionRef();
    // one op of expiries, so no more than the change log holds (the next sweep takes the rest)
    int maxExpiries = Math.min(MAX_EXPIRIES_PER_SWEEP, writeLoop.changeCapacity());
    for (var source : v.sources()) {
      long earliest = source.minExpireAt();
      if (earliest == 0 || earliest > now) {
        continue;
      }
      for (SourceCursor c = source.cursor(null, null, false);
          c.valid() && keys.size() < maxExpiries;
          c.next()) {
        if (c.resolve(Long.MAX_VALUE, ref)
            && ref.kind == ValueKind.PUT
            && ref.expireAt != 0
            && ref.expireAt <= now) {
          keys.add(c.key());
          seqs.add(ref.seq);
        }
      }
    }
    if (keys.isEmpty()) {
      if (done != null) {
        done.onSuccess(v.visibleSeq(), 0);
      }
      return;
    }
    WriteCallback callback =
        done != null
            ? done
            : new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {}

              @Override
              public void onError(WeirException error) {}
            };
    writeLoop.submit(
        WriteOp.expire(
            keys.toArray(new byte[0][]),
            seqs.stream().mapToLong(Long::longValue).toArray(),
            callback));
  }

  private static final int MAX_EXPIRIES_PER_SWEEP = 10_000;

  /** Asks for one full compaction once the frozen memtables are flushed. */
  public void requestFullCompaction() {
    fullRequested.set(true);
    wake();
  }

  /** Completes when the compactor finds nothing left to do (or is closed). */
  public CompletableFuture<Void> whenIdle() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    idleWaiters.add(new IdleWaiter(idleRequests.incrementAndGet(), f));
    if (closed) {
      releaseWaiters(Long.MAX_VALUE);
    }
    wake();
    return f;
  }

  /**
   * Completes the waiters made at or before {@code generation}: a look that began before a
   * waiter was made cannot vouch that the work requested with it (a flush, a full compaction)
   * is done.
   */
  private void releaseWaiters(long generation) {
    for (IdleWaiter w : idleWaiters) {
      if (w.generation() <= generation && idleWaiters.remove(w)) {
        w.done().complete(null);
      }
    }
  }

  public long flushes() {
    return flushes.get();
  }

  public long compactions() {
    return compactions.get();
  }

  /** Heap bytes of the runs flushes wrote. */
  public long flushBytes() {
    return flushBytes.get();
  }

  /** Heap bytes of the runs compactions merged. */
  public long compactionBytesRead() {
    return compactionBytesRead.get();
  }

  /** Heap bytes of the runs compactions wrote. */
  public long compactionBytesWritten() {
    return compactionBytesWritten.get();
  }

  /**
   * Counts an installed edit: a flush's output, or a merge's input and output. A run moved to
   * another level (in both lists) was neither read nor written.
   */
  private void countBytes(boolean flush, VersionEdit edit) {
    long written = 0;
    for (VersionEdit.LeveledRun r : edit.added()) {
      if (!edit.removed().contains(r.run())) {
        written += r.run().heapBytes();
      }
    }
    if (flush) {
      flushBytes.addAndGet(written);
      return;
    }
    long read = 0;
    for (Run r : edit.removed()) {
      if (!edit.moves(r)) {
        read += r.heapBytes();
      }
    }
    compactionBytesRead.addAndGet(read);
    compactionBytesWritten.addAndGet(written);
  }

  public long failures() {
    return failures.get();
  }

  /** The last job failure, for the stats; null when none failed. */
  public String lastFailure() {
    Throwable e = lastFailure;
    return e == null ? null : e.toString();
  }

  private volatile Throwable lastFailure;

  /**
   * Stops taking new jobs; a job in progress finishes and its edit is installed or dropped. The
   * future completes once the thread has stopped, so no file is written after it (a durable
   * store releases its directory only then).
   */
  public CompletableFuture<Void> close() {
    closed = true;
    CompletableFuture<Void> stopped = thread.shutdown();
    releaseWaiters(Long.MAX_VALUE);
    failPendingSweeps();
    return stopped;
  }

  private void runOne() {
    long generation = idleRequests.get();
    wakeAgain.set(false);
    if (closed || diskFailed) {
      running.set(false);
      return;
    }
    CompactionJob job;
    VersionEdit edit;
    try {
      Version v = versions.current();
      job = picker.pick(v);
      if ((job == null || !job.isFlush()) && fullRequested.compareAndSet(true, false)) {
        CompactionJob full = picker.pickFull(v);
        job = full == null ? job : full;
      }
      edit = job == null ? null : execute(job, v);
      if (edit != null && durable != null && !persist(edit, v)) {
        edit = null;
        job = null;
      }
    } catch (Throwable e) {
      // nothing was installed, so the store is intact; the next wake-up tries again
      failures.incrementAndGet();
      lastFailure = e;
      job = null;
      edit = null;
    }
    if (edit == null) {
      if (job == null) {
        releaseWaiters(generation);
      }
      running.set(false);
      if (wakeAgain.get()) {
        wake();
      }
      return;
    }
    boolean flush = job.isFlush();
    VersionEdit installed = edit;
    writeLoop.submitEdit(
        WriteOp.edit(
            edit,
            new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {
                countBytes(flush, installed);
                (flush ? flushes : compactions).incrementAndGet();
                if (!closed) {
                  thread.execute(() -> { // still "running": the next job
                    deleteRemovedFiles(installed);
                    runOne();
                  });
                } else {
                  running.set(false);
                }
              }

              @Override
              public void onError(WeirException error) {
                failures.incrementAndGet();
                running.set(false);
              }
            }));
  }

  /**
   * Durable mode: writes the edit's runs and records it, once the log holds every sequence it
   * flushes. Returns false when the store stopped meanwhile (closed, or its log failed): the
   * edit is then dropped, with nothing recorded. Blocks on the disk: the BlockHound integration
   * allows it here.
   */
  private boolean persist(VersionEdit edit, Version v) throws IOException {
    long sealed = 0;
    for (MemTable m : edit.flushed()) {
      sealed = Math.max(sealed, m.sealedSeq());
    }
    // a store being opened records nothing until its recovery has succeeded
    while (!durable.files().isStarted() || durable.durableSeq().getAsLong() < sealed) {
      if (closed || durable.durableSeq().getAsLong() < 0) {
        return false;
      }
      LockSupport.parkNanos(50_000); // the log's fsync (or the open) is under way
    }
    try {
      long flushed = durable.files().persist(edit, v, runIds.get() + 1);
      if (!edit.flushed().isEmpty()) {
        durable.flushedThrough().accept(flushed);
      }
      return true;
    } catch (VersionFiles.ManifestFailedException e) {
      diskFailed = true;
      durable.failStop().accept(new StorageFailedException(
          "cannot record a version in the manifest in "
              + durable.files().directory().location() + ": " + e.getCause()
              + "; the store is stopped (reopen it)", e));
      throw e;
    }
  }

  /** Durable mode: deletes the files of the runs an installed edit removed. */
  private void deleteRemovedFiles(VersionEdit edit) {
    if (durable == null || diskFailed) {
      return;
    }
    try {
      durable.files().deleteRemoved(edit);
    } catch (IOException | RuntimeException e) {
      // a file left behind is named by no manifest: the next open deletes it
      lastFailure = e;
    }
  }

  private VersionEdit execute(CompactionJob job, Version v) {
    if (job.move()) {
      List<VersionEdit.LeveledRun> moved = new ArrayList<>();
      for (Run r : job.inputs()) {
        moved.add(new VersionEdit.LeveledRun(job.outputLevel(), r));
      }
      return new VersionEdit(List.of(), job.inputs(), moved, new long[0]);
    }
    long visible = v.visibleSeq();
    long[] pins = snapshots.pinnedSequences();
    long oldest = snapshots.oldestPinned(visible);
    boolean keepAll = pins == null; // a snapshot is being opened: it may need any version
    List<SourceCursor> cursors = new ArrayList<>();
    long entries = 0;
    long valueBytes = 0;
    for (MemTable m : job.memtables()) {
      cursors.add(m.cursor(null, null, false));
      entries += m.versionCount();
      valueBytes += m.valueBytes();
    }
    for (Run r : job.inputs()) {
      entries += r.size();
      valueBytes += r.valueBytes();
    }
    cursors.addAll(inputCursors(job.inputs(), v));
    MergeIterator merge =
        new MergeIterator(
            keepAll ? new long[0] : pins,
            keepAll ? 0 : oldest,
            keepAll ? Integer.MAX_VALUE : versionsToKeep,
            clock.getAsLong(),
            v.tombstones(),
            job.bottommost() && !keepAll,
            keepAll || job.isFlush() ? null : new DeeperRuns(v.levels(), job.outputLevel()),
            job.isFlush() ? Long.MAX_VALUE : targetRunBytes,
            entries == 0 ? 0 : valueBytes / entries,
            new MergeIterator.RunFactory() {
              @Override
              public RunBuilder newBuilder() {
                return new RunBuilder(bloomBitsPerKey, bloomStats);
              }

              @Override
              public long nextRunId() {
                return runIds.incrementAndGet();
              }
            });
    List<Run> outputs = merge.merge(cursors.toArray(new SourceCursor[0]));
    List<VersionEdit.LeveledRun> added = new ArrayList<>();
    for (Run r : outputs) {
      added.add(new VersionEdit.LeveledRun(job.outputLevel(), r));
    }
    long[] retired = job.isFlush() || keepAll ? new long[0] : retirable(v, job, oldest);
    return new VersionEdit(job.memtables(), job.inputs(), added, retired);
  }

  /**
   * Cursors over a job's runs, newest first: one per level-0 run, which overlap, and one per
   * deeper level, whose runs are disjoint and sorted, so a merge of many runs from one level
   * compares one key for them rather than one per run.
   */
  private static List<SourceCursor> inputCursors(List<Run> inputs, Version v) {
    Set<Run> left = Collections.newSetFromMap(new IdentityHashMap<>());
    left.addAll(inputs);
    List<SourceCursor> cursors = new ArrayList<>();
    for (int level = 0; level < v.levels().size(); level++) {
      List<Run> taken = new ArrayList<>();
      for (Run r : v.levels().get(level)) {
        if (left.remove(r)) {
          taken.add(r);
        }
      }
      if (level == 0) {
        for (Run r : taken) {
          cursors.add(r.cursor(null, null, false));
        }
      } else if (!taken.isEmpty()) {
        cursors.add(RunCursor.over(taken.toArray(new Run[0]), 0, null, null, false));
      }
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException(left.size() + " input runs are not in the version");
    }
    return cursors;
  }

  /**
   * Range tombstones every reader sees whose range no longer holds anything older than them
   * anywhere outside this job's inputs, nor in its output (which dropped what they hid).
   */
  private long[] retirable(Version v, CompactionJob job, long oldest) {
    List<Long> out = new ArrayList<>();
    for (RangeTombstone t : v.tombstones().toArray()) {
      if (t.seq() <= oldest && !olderDataOutside(v, job, t)) {
        out.add(t.seq());
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean olderDataOutside(Version v, CompactionJob job, RangeTombstone t) {
    List<Object> inputs = new ArrayList<>(job.inputs());
    for (var source : v.sources()) {
      if (inputs.contains(source)) {
        continue;
      }
      SourceCursor c = source.cursor(t.from(), t.to(), false);
      boolean[] older = new boolean[1];
      for (; c.valid() && !older[0]; c.next()) {
        c.versions((seq, kind, value, expireAt) -> older[0] |= seq < t.seq());
      }
      if (older[0]) {
        return true;
      }
    }
    return false;
  }
}
