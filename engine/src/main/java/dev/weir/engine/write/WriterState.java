package dev.weir.engine.write;

import dev.weir.engine.ChangeEvent;
import dev.weir.engine.StoreFullException;
import dev.weir.engine.TransactionConflictException;
import dev.weir.engine.changes.ChangeLog;
import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.version.Version;
import dev.weir.engine.version.VersionEdit;
import dev.weir.engine.version.VersionHolder;
import dev.weir.engine.wal.WalEntry;
import dev.weir.engine.wal.WalRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Everything the write loop alone mutates: the last sequence, the active memtable, the range
 * tombstones, the memory in use, and the installed {@link Version}.
 *
 * <p>Not safe for use from multiple threads: every method is called by the thread that holds
 * the writer role, which {@link WriteLoop} hands over with a CAS (a volatile write on release,
 * a volatile read on acquire), so each holder sees the previous holder's writes.
 */
final class WriterState {

  private final VersionHolder versions;
  private final SnapshotRegistry snapshots;
  private final LongSupplier clock;
  private final long memtableBytes;
  private final long maxMemoryBytes;
  private final Runnable onShapeChange;
  private final ChangeLog changes;
  private final VersionRef scratch = new VersionRef();
  private final RelayoutReserve relayout = new RelayoutReserve();

  private Version published;
  private MemTable active;
  private List<MemTable> frozen = new ArrayList<>();
  private List<List<Run>> levels = new ArrayList<>();
  private RangeTombstones tombstones = RangeTombstones.EMPTY;
  private long lastSeq;
  /**
   * In durable mode, the last sequence the log has made durable: readers see nothing above it.
   * In memory, {@code Long.MAX_VALUE}: everything applied is visible at once.
   */
  private long durableSeq = Long.MAX_VALUE;
  /** In durable mode, what the op being applied changed, for its log record; else null. */
  private final List<WalEntry> logged;
  private boolean forceRotation;
  /** Set while the log is replayed on open: memtables are rotated small (see endReplay). */
  private boolean replaying;
  static final long REPLAY_MEMTABLE_BYTES = 8L * 1024 * 1024;
  private long nextTableId = 1;
  private long frozenBytes;
  private long runBytes;
  // written by the writer with release stores, read racily by stats: no fence per group
  private final AtomicLong liveBytes =
      new AtomicLong();
  private final AtomicLong stalls =
      new AtomicLong();
  private final AtomicLong rejected =
      new AtomicLong();
  private final AtomicLong commits =
      new AtomicLong();
  private final AtomicLong conflicts =
      new AtomicLong();

  WriterState(
      VersionHolder versions,
      SnapshotRegistry snapshots,
      LongSupplier clock,
      long memtableBytes,
      long maxMemoryBytes,
      ChangeLog changes,
      Runnable onShapeChange,
      boolean durable) {
    this.versions = versions;
    this.snapshots = snapshots;
    this.clock = clock;
    this.memtableBytes = memtableBytes;
    this.maxMemoryBytes = maxMemoryBytes;
    this.onShapeChange = onShapeChange;
    this.changes = changes;
    this.published = versions.current();
    this.active = published.active();
    this.frozen = new ArrayList<>(published.frozen());
    this.levels = new ArrayList<>(published.levels());
    this.tombstones = published.tombstones();
    this.lastSeq = published.visibleSeq();
    for (List<Run> level : levels) {
      for (Run r : level) {
        runBytes += r.heapBytes();
        nextTableId = Math.max(nextTableId, r.id() + 1);
      }
    }
    nextTableId = Math.max(nextTableId, active.id() + 1);
    if (durable) {
      this.durableSeq = lastSeq;
      this.logged = new ArrayList<>();
    } else {
      this.logged = null;
    }
    relayout.runsChanged(levels);
    updateLiveBytes(); // a recovered store holds runs before its first write
  }

  long liveBytes() {
    return liveBytes.get();
  }

  long rejectedWrites() {
    return rejected.get();
  }

  long stalls() {
    return stalls.get();
  }

  long commits() {
    return commits.get();
  }

  long conflicts() {
    return conflicts.get();
  }

  /** Applies one op; its outcome goes into the op. A failure changes nothing. */
  void apply(WriteOp op, long now) {
    switch (op.type) {
      case WriteOp.PUT:
        if (conditionHolds(op.key, op.expectedSeq, now)) {
          reserve(op, false);
          op.sequence = ++lastSeq;
          add(op.key, op.sequence, ValueKind.PUT, op.value, op.expireAt);
          changed(ChangeEvent.Type.PUT, op.key, op.value, op.sequence, op.expireAt);
          op.result = 1;
        } else {
          op.sequence = lastSeq;
        }
        break;
      case WriteOp.DELETE:
        boolean existed = live(op.key, now);
        if (op.expectedSeq == WriteOp.UNCONDITIONAL || conditionHolds(op.key, op.expectedSeq, now)) {
          op.sequence = ++lastSeq;
          add(op.key, op.sequence, ValueKind.DELETE, null, 0);
          changed(ChangeEvent.Type.DELETE, op.key, null, op.sequence, 0);
          op.result = existed ? 1 : 0;
        } else {
          op.sequence = lastSeq;
        }
        break;
      case WriteOp.DELETE_RANGE:
        op.countAt = snapshots.register("range-delete count");
        op.countAt.seal(lastSeq);
        op.sequence = ++lastSeq;
        addTombstone(new RangeTombstone(op.key, op.value, op.sequence));
        changed(ChangeEvent.Type.RANGE_DELETE, op.key, op.value, op.sequence, 0);
        break;
      case WriteOp.BATCH:
        applyBatch(op);
        break;
      case WriteOp.COMMIT:
        try {
          validate(op.readSet);
        } catch (TransactionConflictException e) {
          conflicts.lazySet(conflicts.get() + 1);
          throw e;
        }
        applyBatch(op);
        commits.lazySet(commits.get() + 1);
        break;
      case WriteOp.EDIT:
        install(op.edit);
        break;
      case WriteOp.EXPIRE:
        long expired = 0;
        for (WriteOp item : op.items) {
          if (stillExpired(item.key, item.expectedSeq, now)) {
            long seq = ++lastSeq;
            add(item.key, seq, ValueKind.DELETE, null, 0);
            changed(ChangeEvent.Type.EXPIRE, item.key, null, seq, 0);
            expired++;
          }
        }
        op.sequence = lastSeq;
        op.result = expired;
        break;
      case WriteOp.FLUSH:
        forceRotation = !active.isEmpty();
        op.sequence = lastSeq;
        break;
      case WriteOp.BARRIER:
        op.sequence = lastSeq;
        break;
      default:
        throw new IllegalStateException("unknown op type " + op.type);
    }
  }

  private void applyBatch(WriteOp batch) {
    // checked as a whole first, so that a batch is all or nothing
    reserve(batch, deletes(batch));
    for (WriteOp item : batch.items) {
      long seq = ++lastSeq;
      switch (item.type) {
        case WriteOp.PUT:
          add(item.key, seq, ValueKind.PUT, item.value, item.expireAt);
          changed(ChangeEvent.Type.PUT, item.key, item.value, seq, item.expireAt);
          break;
        case WriteOp.DELETE:
          add(item.key, seq, ValueKind.DELETE, null, 0);
          changed(ChangeEvent.Type.DELETE, item.key, null, seq, 0);
          break;
        case WriteOp.DELETE_RANGE:
          addTombstone(new RangeTombstone(item.key, item.value, seq));
          changed(ChangeEvent.Type.RANGE_DELETE, item.key, item.value, seq, 0);
          break;
        case WriteOp.LOG:
          // the change log alone holds it; in durable mode the log record carries it too, so
          // a recovered change feed still has it
          changed(ChangeEvent.Type.LOG, item.key, item.value, seq, 0);
          break;
        default:
          throw new IllegalStateException("op type " + item.type + " in a batch");
      }
    }
    batch.sequence = lastSeq;
  }

  /**
   * Backward validation of an optimistic transaction (Kung and Robinson): it may commit only if
   * nothing it read was written after its snapshot. Only sources holding sequences above the
   * snapshot can hold such writes, and for a key the newest source holding it has its newest
   * version, so recent memtables decide almost every check.
   */
  private void validate(ReadSet reads) {
    long since = reads.snapshotSeq();
    Version working = working();
    for (byte[] key : reads.keys()) {
      if (keyChangedSince(working, key, since)) {
        throw new TransactionConflictException(
            "a key the transaction read was written after its snapshot at sequence " + since);
      }
    }
    for (int i = 0; i < reads.rangeFrom().length; i++) {
      if (rangeChangedSince(working, reads.rangeFrom()[i], reads.rangeTo()[i], since)) {
        throw new TransactionConflictException(
            "a range the transaction scanned was written after its snapshot at sequence "
                + since);
      }
    }
  }

  private boolean keyChangedSince(Version v, byte[] key, long since) {
    if (v.tombstones().hides(key, since, Long.MAX_VALUE)) { // a range delete since then
      return true;
    }
    for (KeySource s : v.sources()) {
      if (s.maxSeq() > since && s.find(key, KeyHash.hash(key), Long.MAX_VALUE, scratch)) {
        return scratch.seq > since;
      }
    }
    return false;
  }

  private boolean rangeChangedSince(Version v, byte[] from, byte[] to, long since) {
    for (RangeTombstone t : v.tombstones().toArray()) {
      boolean overlaps =
          (to == null || t.from() == null || KeyOrder.compare(t.from(), to) < 0)
              && (from == null || t.to() == null || KeyOrder.compare(from, t.to()) < 0);
      if (t.seq() > since && overlaps) {
        return true;
      }
    }
    for (KeySource s : v.sources()) {
      if (s.maxSeq() <= since) {
        continue;
      }
      for (SourceCursor c = s.cursor(from, to, false); c.valid(); c.next()) {
        if (c.resolve(Long.MAX_VALUE, scratch) && scratch.seq > since) {
          return true;
        }
      }
    }
    return false;
  }

  /** Makes everything applied so far visible: one volatile write per group. */
  void publish() {
    long rotateAt = replaying ? Math.min(memtableBytes, REPLAY_MEMTABLE_BYTES) : memtableBytes;
    boolean rotate = forceRotation || active.approximateBytes() >= rotateAt;
    forceRotation = false;
    if (rotate) {
      active.seal(lastSeq);
      frozenBytes += active.approximateBytes();
      frozen.add(0, active);
      active = active.successor(nextTableId++, rotateAt);
      published = new Version(visibleSeq(), active, frozen, levels, tombstones);
    } else if (published.visibleSeq() != visibleSeq() || published.tombstones() != tombstones) {
      published = published.withVisibleSeq(visibleSeq(), tombstones);
    }
    versions.install(published);
    updateLiveBytes();
    if (rotate) {
      onShapeChange.run();
    }
  }

  long lastSeq() {
    return lastSeq;
  }

  long now() {
    return clock.getAsLong();
  }

  private void install(VersionEdit edit) {
    Set<MemTable> flushed = new HashSet<>(edit.flushed());
    List<MemTable> keptFrozen = new ArrayList<>();
    for (MemTable m : frozen) {
      if (flushed.contains(m)) {
        frozenBytes -= m.approximateBytes();
      } else {
        keptFrozen.add(m);
      }
    }
    frozen = keptFrozen;
    Set<Run> removed = new HashSet<>(edit.removed());
    List<List<Run>> next = new ArrayList<>();
    for (List<Run> level : levels) {
      List<Run> kept = new ArrayList<>();
      for (Run r : level) {
        if (removed.contains(r)) {
          runBytes -= r.heapBytes();
        } else {
          kept.add(r);
        }
      }
      next.add(kept);
    }
    for (VersionEdit.LeveledRun added : edit.added()) {
      while (next.size() <= added.level()) {
        next.add(new ArrayList<>());
      }
      List<Run> level = next.get(added.level());
      if (added.level() == 0) {
        level.add(0, added.run()); // level 0 is ordered newest first
      } else {
        level.add(added.run());
        level.sort((a, b) -> KeyOrder.compare(a.smallestKey(), b.smallestKey()));
      }
      runBytes += added.run().heapBytes();
    }
    levels = next;
    relayout.runsChanged(levels);
    if (edit.retiredTombstoneSeqs().length > 0) {
      long[] retired = edit.retiredTombstoneSeqs().clone();
      Arrays.sort(retired);
      tombstones = tombstones.without(retired);
    }
    published = new Version(visibleSeq(), active, frozen, levels, tombstones);
  }

  private void add(byte[] key, long seq, byte kind, byte[] value, long expireAt) {
    relayout.noteKey(key);
    active.add(key, seq, kind, value, expireAt);
  }

  /** Records the change of one sequence; for a range delete, {@code value} is the range end. */
  private void changed(ChangeEvent.Type type, byte[] key, byte[] value, long seq, long expireAt) {
    changes.append(type, key, value, seq);
    if (logged != null) {
      logged.add(
          switch (type) {
            case PUT -> WalEntry.put(key, value, expireAt);
            case DELETE -> WalEntry.delete(key);
            case RANGE_DELETE -> WalEntry.rangeDelete(key, value);
            case LOG -> WalEntry.log(key, value);
            case EXPIRE -> WalEntry.expire(key);
          });
    }
  }

  /**
   * The log record of what was applied since the last call (one op's changes, consecutive
   * sequences ending at the last one), or null when nothing was; forgets them either way.
   */
  WalRecord takeLogged() {
    if (logged == null || logged.isEmpty()) {
      return null;
    }
    WalRecord r = new WalRecord(lastSeq - logged.size() + 1, logged);
    logged.clear();
    return r;
  }

  /** Forgets what a failed op changed before it failed (the store is then fail-stopped). */
  void dropLogged() {
    if (logged != null) {
      logged.clear();
    }
  }

  /** Durable mode: the log holds everything through {@code seq}, which readers may now see. */
  void durableThrough(long seq) {
    durableSeq = Math.max(durableSeq, seq);
  }

  /**
   * Redoes one record of the log on open, before the loop takes writes: what the record's op
   * did, with no condition decided again (the write loop decided them before logging).
   */
  void replay(WalRecord record) {
    if (record.firstSeq() != lastSeq + 1) {
      throw new IllegalStateException(
          "log record at " + record.firstSeq() + " does not follow sequence " + lastSeq);
    }
    changes.beginGroup(record.firstSeq());
    for (WalEntry e : record.entries()) {
      long seq = ++lastSeq;
      switch (e.kind()) {
        case WalEntry.PUT -> {
          add(e.key(), seq, ValueKind.PUT, e.value(), e.expireAt());
          changes.append(ChangeEvent.Type.PUT, e.key(), e.value(), seq);
        }
        case WalEntry.DELETE -> {
          add(e.key(), seq, ValueKind.DELETE, null, 0);
          changes.append(ChangeEvent.Type.DELETE, e.key(), null, seq);
        }
        case WalEntry.EXPIRE -> {
          add(e.key(), seq, ValueKind.DELETE, null, 0);
          changes.append(ChangeEvent.Type.EXPIRE, e.key(), null, seq);
        }
        case WalEntry.RANGE_DELETE -> {
          addTombstone(new RangeTombstone(e.key(), e.value(), seq));
          changes.append(ChangeEvent.Type.RANGE_DELETE, e.key(), e.value(), seq);
        }
        case WalEntry.LOG -> changes.append(ChangeEvent.Type.LOG, e.key(), e.value(), seq);
        default -> throw new IllegalStateException("unknown log entry kind " + e.kind());
      }
    }
    durableSeq = lastSeq;
    replaying = true;
    publish();
  }

  /**
   * Ends the replay: the next publish rotates a memtable sized for replay to one of the
   * configured size. Replay fills memtables of at most {@link #REPLAY_MEMTABLE_BYTES}: inserting
   * a million records into one big skip list took 5.3 s (cache misses on every level), into
   * 8 MiB ones 1.4 s; the compactor flushes the small ones once the store is open.
   */
  void endReplay() {
    replaying = false;
    forceRotation = active.capacityBytes() != memtableBytes && !active.isEmpty();
    if (active.isEmpty() && active.capacityBytes() != memtableBytes) {
      active = active.successor(active.id(), memtableBytes);
      published = published.reshaped(active, frozen, levels, tombstones);
      versions.install(published);
    }
  }

  /** What readers may see: everything applied, or in durable mode what the log holds. */
  private long visibleSeq() {
    return Math.min(lastSeq, durableSeq);
  }

  private void addTombstone(RangeTombstone t) {
    tombstones = tombstones.with(t);
  }

  /**
   * Refuses a write that would take the store past its budget. A batch that also deletes (a
   * clean-up: an aborted upload, a released object with its bookkeeping) may use a small
   * reserve above the budget, so that freeing space never fails for want of the few bytes its
   * bookkeeping adds; plain writes never touch the reserve.
   *
   * <p>A plain write also leaves room for what no write pays for: the empty memtable that takes
   * over when the active one rotates (its bloom filter is allocated whole) and the wider
   * layouts compaction may give runs ({@link RelayoutReserve}). Without that room a full store
   * ended up to a few hundred kilobytes over its budget.
   */
  private void reserve(WriteOp write, boolean deletes) {
    long bytes = write.bytes;
    if (bytes <= 0) {
      return;
    }
    long need;
    long limit;
    if (deletes) {
      need = currentBytes() + bytes;
      limit = maxMemoryBytes + Math.min(cleanupReserve(), Long.MAX_VALUE - maxMemoryBytes);
    } else {
      relayout.note(write);
      long room = active.emptyBytes() + relayout.bytes(frozen.size() + 1, lastSeq);
      need = currentBytes() + bytes + room;
      limit = maxMemoryBytes;
    }
    if (need > limit) {
      rejected.lazySet(rejected.get() + 1);
      throw new StoreFullException(
          "the write needs "
              + bytes
              + " bytes and the store holds "
              + currentBytes()
              + " of its "
              + maxMemoryBytes
              + "-byte budget (maxMemoryBytes), keeping "
              + (need - currentBytes() - bytes)
              + " free for the next memtable and for compaction; delete data or raise the budget");
    }
  }

  private long cleanupReserve() {
    return Math.max(4096, maxMemoryBytes / 64);
  }

  private static boolean deletes(WriteOp batch) {
    for (WriteOp item : batch.items) {
      if (item.type == WriteOp.DELETE || item.type == WriteOp.DELETE_RANGE) {
        return true;
      }
    }
    return false;
  }

  /** What the budget counts: memtables, runs, and what the change log pins (it may be dead). */
  private long currentBytes() {
    return active.approximateBytes() + frozenBytes + runBytes + changes.bytes();
  }

  private void updateLiveBytes() {
    liveBytes.lazySet(currentBytes());
  }

  private boolean live(byte[] key, long now) {
    return working().findLive(key, lastSeq, now, scratch);
  }

  /** Whether the newest version of {@code key} is still the expired value written at seq. */
  private boolean stillExpired(byte[] key, long seq, long now) {
    Version v = working();
    long hash = KeyHash.hash(key);
    for (KeySource s : v.sources()) {
      if (s.find(key, hash, Long.MAX_VALUE, scratch)) {
        return scratch.seq == seq
            && scratch.kind == ValueKind.PUT
            && scratch.expireAt != 0
            && scratch.expireAt <= now
            && !v.hiddenByTombstone(key, seq, lastSeq);
      }
    }
    return false;
  }

  /** The published shape with everything applied so far, as the writer alone sees it. */
  private Version working() {
    return published.visibleSeq() == lastSeq && published.tombstones() == tombstones
        ? published
        : published.withVisibleSeq(lastSeq, tombstones);
  }

  private boolean conditionHolds(byte[] key, long expectedSeq, long now) {
    if (expectedSeq == WriteOp.UNCONDITIONAL) {
      return true;
    }
    boolean live = live(key, now);
    if (expectedSeq == WriteOp.IF_ABSENT) {
      return !live;
    }
    return live && scratch.seq == expectedSeq;
  }

  /**
   * Whether writes must wait for compaction: too many frozen memtables or level-0 runs. The
   * write loop then leaves user writes queued (their completions come later) and installs only
   * the compactor's edits, so memory stays bounded and nothing blocks.
   */
  boolean mustStall(int maxFrozen, int maxLevel0) {
    boolean stall =
        frozen.size() > maxFrozen || (!levels.isEmpty() && levels.get(0).size() > maxLevel0);
    if (stall) {
      stalls.lazySet(stalls.get() + 1);
    }
    return stall;
  }

  int frozenCount() {
    return frozen.size();
  }
}
