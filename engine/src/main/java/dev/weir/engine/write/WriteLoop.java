package dev.weir.engine.write;

import dev.weir.engine.EngineThread;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.engine.changes.ChangeLog;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.version.VersionHolder;
import dev.weir.engine.wal.WalRecord;
import dev.weir.engine.wal.WalWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The write loop: the single writer of the store.
 *
 * <h2>Design</h2>
 *
 * <p><b>One writer at a time, chosen by a CAS (flat combining).</b> Any thread may write. A
 * caller puts its {@link WriteOp} on a lock-free MPSC queue (JCTools), then tries to take the
 * writer role with one CAS. The winner drains a group of queued ops, gives them sequence
 * numbers, applies them to the active memtable, publishes the new visible sequence with one
 * volatile write (a new immutable {@code Version}), releases the role, and only then runs the
 * group's completions. A loser has nothing to wait for: its op is in the queue and the current
 * writer, which re-checks the queue after every release, will apply it. Nobody parks, spins or
 * waits on a lock, so the loop is safe on a Netty or Vert.x event loop and BlockHound has
 * nothing to flag.
 *
 * <p><b>Why not a dedicated writer thread.</b> A round trip to another thread costs 17-28 µs on
 * the 2-core machines Weir targets (a park and an unpark each way). A dedicated writer that a
 * caller must wake caps a caller that waits for each write at 35-57k writes/s, and even with
 * many writes in flight every wake-up costs a context switch. With flat combining a lone put
 * costs an enqueue, a CAS, the memtable insert and a volatile write on the caller's own thread
 * (about a microsecond), and under load the thread that holds the role applies everyone's ops
 * in groups, which is the group commit of LevelDB's {@code DBImpl::Write} without its mutex.
 * A spinning writer was rejected too: BlockHound rightly forbids spinning on event loops, and
 * on 2 cores a spinner steals the core a caller needs.
 *
 * <p><b>Groups.</b> A group holds up to {@link #MAX_GROUP} ops: one visible-sequence publish
 * and one completion hand-off per group. A batch is one op with consecutive sequences, so it
 * becomes visible as a whole. Releasing the role between groups bounds how long one caller
 * works for others and lets another thread take over. A group also ends before it would make
 * more changes than the change log holds: watchers read a group once it is published, and the
 * log must still hold all of it then.
 *
 * <p><b>Completions.</b> User code never runs while the role is held. Completions run after
 * the release, through the completion executor: directly on the committing thread by default
 * (so a lone put completes with no thread hop), or handed to an executor in one task per group.
 * A callback that writes again on the same thread only enqueues (a thread-local trampoline):
 * the outer loop applies it once the current completions finish, so a chain of writes (a
 * {@code flatMap} refilling its window) never grows the stack. When the committing thread is an
 * engine thread (the compactor installing an edit and finding writes queued), completions go to
 * the async executor instead, so user code never runs on engine threads.
 *
 * <p><b>Stalls.</b> When compaction falls behind (too many frozen memtables or level-0 runs)
 * the writer installs only the compactor's edits and leaves user writes queued; their
 * completions come later. Nothing blocks; each installed edit drains the queue again.
 *
 * <p><b>Failures.</b> An exception while applying one op fails that op alone: validation
 * happens before anything changes, so a failed op changes nothing. An unexpected error after a
 * partial change leaves the store in an unknown state, so it becomes sticky (as a failed WAL
 * sync is in LevelDB): every later write fails with it until the store is reopened.
 *
 * <p><b>Durable mode: the log between apply and publish.</b> With a write-ahead log, the
 * role holder still applies a group to the memtable, but then hands the group's records (one
 * per op that took sequences, a batch as one record) to the {@link WalWriter} and publishes
 * only what the log has already made durable. The WAL thread syncs the group (with whatever
 * else arrived meanwhile) and reports back by queueing a "durable through" mark, like the
 * compactor's edits, and having the async executor drain (the WAL thread goes straight on to
 * the next group's fsync); the next role holder raises the visible sequence to it and
 * completes the group's ops. So nothing is visible to readers, watchers or snapshots, and no
 * {@code Mono} completes, before it is on the disk, and still nobody waits: the caller's
 * thread only enqueues. Ops that wrote nothing (a failed condition) complete with their group,
 * after the durability of what they read. Later writes may be applied on top of a group that
 * is not yet durable, which is safe because the log keeps their order: a crash that loses a
 * group loses everything after it. A failed write or fsync is fail-stop: the group and every
 * later write fail with the log's error, and the visible sequence never passes it.
 *
 * <p><b>Close.</b> {@link #close()} sets a flag; ops drained afterwards fail with {@link
 * StoreClosedException}. A writer that enqueued just as the store closed re-checks the flag
 * and drains, so no op is left in the queue unanswered.
 */
public final class WriteLoop {

  static final int MAX_GROUP = 256;
  private static final ThreadLocal<int[]> COMPLETING = ThreadLocal.withInitial(() -> new int[1]);

  private final MpscUnboundedXaddArrayQueue<WriteOp> writes =
      new MpscUnboundedXaddArrayQueue<>(1024);
  private final MpscUnboundedXaddArrayQueue<WriteOp> edits =
      new MpscUnboundedXaddArrayQueue<>(16);
  /** Durable mode: groups whose log append ended, in append order. */
  private final MpscUnboundedXaddArrayQueue<Durable> durables =
      new MpscUnboundedXaddArrayQueue<>(64);
  /** Whether a {@link #scheduledDrain} is queued and not yet started. */
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /** Clears the flag first, so a mark queued after this drain looked schedules another. */
  private final Runnable scheduledDrain = () -> {
    drainScheduled.set(false);
    drain();
  };

  /** Durable mode: the log; written once by {@link #attachLog} while holding the role. */
  private WalWriter wal;
  /** Reused by the role holder for one group's log records. */
  private final List<WalRecord> records = new ArrayList<>();
  private final AtomicInteger role = new AtomicInteger();
  private final WriterState state;
  private final Executor completions;
  private final Executor asyncCompletions;
  private final RangeCounter rangeCounter;
  private final ChangeLog changes;
  private final int maxFrozen;
  private final int maxLevel0;
  private final boolean durable;
  private volatile boolean closed;
  private volatile WeirException fatal;
  // written by the writer with release stores, read racily by stats: no fence per group
  private final AtomicLong groups =
      new AtomicLong();
  private final AtomicLong opsApplied =
      new AtomicLong();

  /** Counts the live keys a range delete removed, reading just below its sequence. */
  public interface RangeCounter {
    long countLive(byte[] from, byte[] to, long readSeq);
  }

  public WriteLoop(
      VersionHolder versions,
      SnapshotRegistry snapshots,
      LongSupplier clock,
      long memtableBytes,
      long maxMemoryBytes,
      int maxFrozen,
      int maxLevel0,
      Executor completions,
      Executor asyncCompletions,
      RangeCounter rangeCounter,
      ChangeLog changes,
      Runnable onShapeChange,
      boolean durable) {
    this.state =
        new WriterState(
            versions,
            snapshots,
            clock,
            memtableBytes,
            maxMemoryBytes,
            changes,
            onShapeChange,
            durable);
    this.changes = changes;
    this.completions = completions;
    this.asyncCompletions = asyncCompletions;
    this.rangeCounter = rangeCounter;
    this.maxFrozen = maxFrozen;
    this.maxLevel0 = maxLevel0;
    this.durable = durable;
  }

  /** Hands a write to the loop; its callback fires once it is visible or has failed. */
  public void submit(WriteOp op) {
    if (closed) {
      op.callback.onError(new StoreClosedException("the store is closed"));
      return;
    }
    writes.offer(op);
    if (COMPLETING.get()[0] == 0) {
      drain();
    }
  }

  /** Hands a version edit from the compactor to the loop and drains. */
  public void submitEdit(WriteOp edit) {
    edits.offer(edit);
    drain();
  }

  /**
   * Durable mode, on open: redoes one record of the log, before any write is taken. Records
   * must come in sequence order, continuing the recovered state.
   */
  public void replay(WalRecord record) {
    awaitRole();
    try {
      state.replay(record);
    } finally {
      role.set(0);
    }
    drain(); // the compactor's edits (flushes of replayed memtables) that queued meanwhile
  }

  /** Durable mode, on open, after the replay: from now on every group goes through {@code log}. */
  public void attachLog(WalWriter log) {
    awaitRole();
    try {
      this.wal = log;
      state.endReplay();
    } finally {
      role.set(0);
    }
    drain();
  }

  /**
   * Takes the role on the opening thread, which may wait: only the compactor, installing an
   * edit for a just-flushed replayed memtable, can hold it meanwhile, for microseconds.
   */
  private void awaitRole() {
    while (!role.compareAndSet(0, 1)) {
      Thread.onSpinWait();
    }
  }

  /**
   * Fail-stops the store from outside the log (a manifest that could not be written): every
   * later write fails with {@code error}; reads go on. Never blocks.
   */
  public void failStop(WeirException error) {
    durables.offer(new Durable(null, 0, error));
    drain();
  }

  /** The error that stopped the store, or null. */
  public WeirException failure() {
    return fatal;
  }

  /** Closes: later ops fail with the closed-store error; queued ones are answered. */
  public void close() {
    closed = true;
    drain();
    changes.signalWatchers(); // each change stream ends with the closed-store error
  }

  public boolean isClosed() {
    return closed;
  }

  /** The most changes one op may make and still reach every watcher that keeps up. */
  public int changeCapacity() {
    return changes.capacity();
  }

  public long lastSequence() {
    return state.lastSeq();
  }

  public long liveBytes() {
    return state.liveBytes();
  }

  public long stalls() {
    return state.stalls();
  }

  public long rejectedWrites() {
    return state.rejectedWrites();
  }

  public long groups() {
    return groups.get();
  }

  /** Writes queued and not yet applied; approximate while writers race. */
  public long pendingWrites() {
    return writes.size();
  }

  public long commits() {
    return state.commits();
  }

  public long conflicts() {
    return state.conflicts();
  }

  public long opsApplied() {
    return opsApplied.get();
  }

  public long now() {
    return state.now();
  }

  private void drain() {
    while ((!edits.isEmpty() || !writes.isEmpty() || !durables.isEmpty())
        && role.compareAndSet(0, 1)) {
      WriteOp group;
      WriteOp installed;
      WriteOp madeDurable;
      boolean stall;
      try {
        madeDurable = takeDurables();
        installed = installEdits();
        // a durable store being opened holds writes (an expiry sweep) until its log is attached
        stall = !closed && ((durable && wal == null) || state.mustStall(maxFrozen, maxLevel0));
        group = stall ? null : applyGroup();
        if (stall) {
          state.publish();
        }
      } finally {
        role.set(0);
      }
      for (WriteOp e = installed; e != null; e = e.next) {
        e.callback.onSuccess(e.sequence, 0); // the compactor's own code: it moves to its next job
      }
      if (madeDurable != null) {
        complete(madeDurable);
      }
      if (group != null) {
        complete(group);
      }
      if (stall && edits.isEmpty()) {
        return; // the compactor's next edit drains again
      }
    }
  }

  /** One group's log append that ended: durable through {@code seq}, or failed. */
  private record Durable(WriteOp group, long seq, WeirException error) {}

  /**
   * Called only while holding the writer role. Raises the visible sequence to what the log made
   * durable, or fail-stops on the log's error; returns the groups to complete, linked.
   */
  private WriteOp takeDurables() {
    WriteOp head = null;
    WriteOp tail = null;
    for (Durable d; (d = durables.poll()) != null; ) {
      if (d.error == null) {
        state.durableThrough(d.seq);
      } else {
        if (fatal == null) {
          fatal = d.error;
        }
        for (WriteOp op = d.group; op != null; op = op.next) {
          if (op.error == null) {
            op.error = d.error; // applied in memory, never made durable: never acknowledged
            op.countAt = closePin(op.countAt);
          }
        }
      }
      if (d.group == null) {
        continue;
      }
      if (head == null) {
        head = d.group;
      } else {
        tail.next = d.group;
      }
      tail = d.group;
      while (tail.next != null) {
        tail = tail.next;
      }
    }
    if (head != null) {
      state.publish();
    }
    return head;
  }

  private static SnapshotRegistry.Pin closePin(SnapshotRegistry.Pin pin) {
    if (pin != null) {
      pin.close();
    }
    return null;
  }

  /** Called only while holding the writer role. Returns the installed edits, linked. */
  private WriteOp installEdits() {
    WriteOp head = null;
    for (WriteOp edit; (edit = edits.poll()) != null; ) {
      state.apply(edit, 0);
      edit.next = head;
      head = edit;
    }
    return head;
  }

  /** Called only while holding the writer role. Returns the group's ops, linked. */
  private WriteOp applyGroup() {
    long now = state.now();
    WriteOp head = null;
    WriteOp tail = null;
    int n = 0;
    long room = changes.capacity();
    changes.beginGroup(state.lastSeq() + 1);
    while (n < MAX_GROUP) {
      WriteOp op = writes.peek();
      if (op == null || (n > 0 && op.changes() > room)) {
        break;
      }
      writes.poll();
      room -= op.changes();
      applyOne(op, now);
      if (wal != null) {
        WalRecord r = state.takeLogged();
        if (r != null && op.error == null) {
          records.add(r);
        }
      }
      if (head == null) {
        head = op;
      } else {
        tail.next = op;
      }
      tail = op;
      n++;
    }
    state.publish();
    if (n > 0) { // a drain that only installed edits or durable marks applied no group
      groups.lazySet(groups.get() + 1);
      opsApplied.lazySet(opsApplied.get() + n);
    }
    if (wal == null || head == null) {
      return head;
    }
    appendToLog(head);
    return null; // completed once durable
  }

  /**
   * Hands the group's records to the log, in sequence order (the role is held). Even a group
   * that logged nothing waits for the log: its failed conditions read writes that must be
   * durable before the answer is given.
   */
  private void appendToLog(WriteOp group) {
    List<WalRecord> batch = List.copyOf(records);
    records.clear();
    wal.append(
        batch,
        new WalWriter.AppendCallback() {
          @Override
          public void onDurable(long lastSeq) {
            durables.offer(new Durable(group, lastSeq, null));
            drainOffLogThread();
          }

          @Override
          public void onFailed(WeirException error) {
            durables.offer(new Durable(group, 0, error));
            drainOffLogThread();
          }
        });
  }

  /**
   * Drains for the WAL thread on the async executor: the drain that publishes a durable group
   * also applies the writes queued meanwhile, and the WAL thread doing that kept the next
   * group's write and fsync waiting. A completion took the same hop before, so a lone put
   * waits no longer. An executor that refuses the task gets the drain done here.
   */
  private void drainOffLogThread() {
    // one task drains every mark queued before it runs: the log completes its appends one by
    // one, 100 and more after each fsync, and a task per append cost ~3 µs each on the WAL
    // thread (an executor's wake-up), a third of its time
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        asyncCompletions.execute(scheduledDrain);
      } catch (RejectedExecutionException e) {
        drainScheduled.set(false);
        drain();
      }
    }
  }

  private void applyOne(WriteOp op, long now) {
    if (closed) {
      op.error = new StoreClosedException("the store was closed before the write was applied");
      return;
    }
    WeirException sticky = fatal;
    if (sticky != null) {
      op.error = sticky;
      return;
    }
    try {
      state.apply(op, now);
    } catch (WeirException e) {
      state.dropLogged();
      op.error = e;
    } catch (RuntimeException | Error e) {
      state.dropLogged();
      WeirException f =
          new WeirException(ErrorCode.INTERNAL, "the write loop failed; reopen the store", e);
      fatal = f;
      op.error = f;
    }
  }

  private void complete(WriteOp group) {
    if (EngineThread.isCurrent()) {
      asyncCompletions.execute(() -> runCompletions(group, true));
    } else if (completions == null) {
      // inline: the drain loop we are in applies what the callbacks write, with no recursion
      runCompletions(group, false);
    } else {
      completions.execute(() -> runCompletions(group, true));
    }
  }

  /**
   * Runs a group's callbacks. Writes they make only enqueue (the trampoline); {@code drainAfter}
   * is set when no drain loop is below us on this thread to apply them.
   */
  private void runCompletions(WriteOp group, boolean drainAfter) {
    int[] depth = COMPLETING.get();
    depth[0]++;
    try {
      for (WriteOp op = group; op != null; op = op.next) {
        completeOne(op);
      }
      if (changes.watcherCount() > 0) {
        changes.signalWatchers();
      }
    } finally {
      depth[0]--;
    }
    if (drainAfter && depth[0] == 0) {
      drain(); // writes the callbacks made while we were completing
    }
  }

  private void completeOne(WriteOp op) {
    try {
      if (op.error != null) {
        op.callback.onError(op.error);
      } else if (op.countAt != null) {
        long count;
        try {
          count = rangeCounter.countLive(op.key, op.value, op.countAt.seq());
        } finally {
          op.countAt.close();
        }
        op.callback.onSuccess(op.sequence, count);
      } else {
        op.callback.onSuccess(op.sequence, op.result);
      }
    } catch (RuntimeException e) {
      // a callback must not throw; one that does must not cost the others their completion
      droppedCallbackErrors.incrementAndGet();
    }
  }

  private final AtomicLong droppedCallbackErrors =
      new AtomicLong();

  public long droppedCallbackErrors() {
    return droppedCallbackErrors.get();
  }
}
