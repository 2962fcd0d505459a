package dev.weir.engine;

import dev.weir.engine.changes.ChangeLog;
import dev.weir.engine.compaction.CompactionPicker;
import dev.weir.engine.compaction.Compactor;
import dev.weir.engine.compaction.DurableEdits;
import dev.weir.engine.iterator.KeySource;
import dev.weir.engine.iterator.MergingCursor;
import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.KeyOrder;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.wal.ReplayReport;
import dev.weir.engine.version.Version;
import dev.weir.engine.version.VersionHolder;
import dev.weir.engine.write.ReadSet;
import dev.weir.engine.write.WriteLoop;
import dev.weir.engine.write.WriteOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An open store: the entry point of the engine.
 *
 * <p>Reads ({@link #get}, {@link #scan}, {@link #snapshot}) run on the caller's thread,
 * lock-free: one volatile read of the current {@link Version}, then immutable data filtered by
 * sequence. Writes are handed to the {@link WriteLoop} and complete a {@link WriteCallback}
 * once visible to every reader. Write methods never throw: a refused write is reported to its
 * callback. Read methods throw {@link WeirException}s. Thread-safe.
 */
public final class Engine implements AutoCloseable {

  private final EngineConfig config;
  private final VersionHolder versions;
  private final SnapshotRegistry snapshots = new SnapshotRegistry();
  private final Run.BloomStats bloomStats = new Run.BloomStats();
  private final WriteLoop writeLoop;
  private final Compactor compactor;
  private final ChangeLog changes;
  /** The directory, lock and log of a durable store; null in memory. */
  private final DurableFiles files;
  private volatile boolean closed;
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  private Engine(EngineConfig config, DurableFiles files) {
    this.files = files;
    this.config = config;
    MemTable first = new MemTable(0, config.memtableBytes(), config.bloomBitsPerKey());
    this.versions =
        new VersionHolder(
            files == null ? Version.empty(first) : files.load(config, bloomStats, first));
    Compactor[] compactorRef = new Compactor[1];
    this.changes =
        new ChangeLog(
            config.changeLogCapacity(),
            Math.min(config.changeLogBytes(), Math.max(1024, config.maxMemoryBytes() / 8)));
    if (files != null) {
      changes.startAt(versions.current().visibleSeq() + 1); // the log replays from there
    }
    this.writeLoop =
        new WriteLoop(
            versions,
            snapshots,
            config.clock(),
            config.memtableBytes(),
            config.maxMemoryBytes(),
            config.maxFrozenMemtables(),
            config.maxLevel0Runs(),
            config.completionExecutor(),
            config.asyncExecutor(),
            this::countLive,
            changes,
            () -> compactorRef[0].wake(),
            files != null);
    this.compactor =
        new Compactor(
            config.name(),
            versions,
            snapshots,
            writeLoop,
            new CompactionPicker(
                config.level0RunsTrigger(), config.level1Bytes(), config.levelSizeMultiplier()),
            config.clock(),
            config.versionsToKeep(),
            config.bloomBitsPerKey(),
            Math.max(2 * config.memtableBytes(), config.level1Bytes() / 8),
            bloomStats,
            new AtomicLong(files == null ? 0 : files.versionFiles().firstRunId() - 1),
            config.expirySweepInterval().toNanos(),
            files == null ? null : new DurableEdits(
                files.versionFiles(),
                () -> writeLoop.failure() != null ? -1 : versions.current().visibleSeq(),
                files::flushedThrough,
                writeLoop::failStop));
    compactorRef[0] = compactor;
  }

  /**
   * Opens a store with {@code config}: in memory, or, when the config names a directory, a
   * durable store recovered from it (its log replayed; a torn tail cut and reported). Opening a
   * durable store reads files, so it blocks: call it where blocking is allowed, never on an
   * event loop. Fails with {@link StoreLockedException} when the directory is already open,
   * {@link CorruptionException} when its files are damaged (unless salvaging), {@link
   * StorageFailedException} when they cannot be read.
   */
  public static Engine open(EngineConfig config) {
    Objects.requireNonNull(config, "config");
    if (!config.isDurable()) {
      return new Engine(config, null);
    }
    return open(config, DurableFiles.local(config));
  }

  /**
   * Opens a durable store over {@code dir}, a {@link Directory} of the caller's making (Pebble's
   * {@code vfs.FS} option): tests inject disk faults through one. Blocks like {@link
   * #open(EngineConfig)}.
   */
  public static Engine open(EngineConfig config, Directory dir) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dir, "dir");
    DurableFiles files = DurableFiles.lock(dir);
    Engine engine = null;
    try {
      engine = new Engine(config, files);
      files.recover(config, engine.writeLoop);
      return engine;
    } catch (RuntimeException | Error e) {
      CompletableFuture<Void> compactorStopped = CompletableFuture.completedFuture(null);
      if (engine != null) {
        engine.closed = true;
        engine.writeLoop.close();
        compactorStopped = engine.compactor.close();
      }
      files.abandon(compactorStopped);
      throw e;
    }
  }

  public EngineConfig config() {
    return config;
  }

  /**
   * What opening a durable store recovered from its log: the last sequence, the records
   * replayed, and any cut (a torn tail, or with {@code salvage} the damage dropped); null for an
   * in-memory store.
   */
  public ReplayReport recovery() {
    return files == null ? null : files.replayReport();
  }

  // ---------------------------------------------------------------- reads

  /** The value of {@code key}, or {@code null} when absent. */
  public Bytes get(Bytes key) {
    checkKey(key);
    checkOpen();
    Version v = versions.current();
    return valueOf(v, key.array(), v.visibleSeq());
  }

  /** The value of {@code key} as {@code snapshot} sees it, or {@code null}. */
  public Bytes get(Bytes key, Snapshot snapshot) {
    checkKey(key);
    checkOpen();
    Objects.requireNonNull(snapshot, "snapshot");
    snapshot.checkOpen();
    return valueOf(versions.current(), key.array(), snapshot.sequence());
  }

  /** The live entry of {@code key} with its sequence, or {@code null}. */
  public Entry getEntry(Bytes key, Snapshot snapshot) {
    checkKey(key);
    checkOpen();
    Version v = versions.current();
    long seq = v.visibleSeq();
    if (snapshot != null) {
      snapshot.checkOpen();
      seq = snapshot.sequence();
    }
    VersionRef ref = new VersionRef();
    return v.findLive(key.array(), seq, config.clock(), ref)
        ? new Entry(key, Bytes.wrap(ref.value), ref.seq)
        : null;
  }

  private Bytes valueOf(Version v, byte[] key, long seq) {
    VersionRef ref = new VersionRef();
    return v.findLive(key, seq, config.clock(), ref) ? Bytes.wrap(ref.value) : null;
  }

  /**
   * A feed of the changes under {@code prefix} from sequence {@code from} on ({@code -1}: from
   * the next commit). {@code signal} runs, on the thread that committed a group (never while the
   * writer role is held), whenever new changes may be visible; it must not block.
   */
  public ChangeFeed watch(Bytes prefix, long from, Runnable signal) {
    checkOpen();
    if (prefix == null) {
      throw new InvalidArgumentException("prefix must not be null");
    }
    if (from == 0 || from < -1) {
      throw new InvalidArgumentException(
          "fromSequence must be at least 1 (or -1 for the next commit), was " + from);
    }
    Objects.requireNonNull(signal, "signal");
    long start = from == -1 ? versions.current().visibleSeq() + 1 : from;
    ChangeFeed feed =
        new ChangeFeed(
            changes, () -> versions.current().visibleSeq(), this::isClosed, prefix, start, signal);
    if (start < changes.floor()) {
      feed.close();
      throw new ChangesUnavailableException(
          "sequence " + start + " is older than the change log holds (it starts at "
              + changes.floor() + "); rescan, then watch from the scan's snapshot");
    }
    return feed;
  }

  /** Pins the current state; close it when done. */
  public Snapshot snapshot() {
    checkOpen();
    SnapshotRegistry.Pin pin = snapshots.register("snapshot");
    long seq = versions.current().visibleSeq();
    pin.seal(seq);
    return new Snapshot(pin, seq);
  }

  /**
   * A cursor over the live entries of {@code range}, at {@code snapshot} or (when null) at the
   * current state. The cursor holds an implicit snapshot until closed or exhausted.
   */
  public EntryCursor scan(KeyRange range, Snapshot snapshot) {
    if (range == null) {
      throw new InvalidArgumentException("range must not be null");
    }
    checkRange(range);
    checkOpen();
    SnapshotRegistry.Pin pin = snapshots.register("scan");
    Version v = versions.current();
    long seq = v.visibleSeq();
    if (snapshot != null) {
      if (snapshot.isClosed()) {
        pin.close();
        snapshot.checkOpen();
      }
      seq = snapshot.sequence();
    }
    pin.seal(seq);
    byte[] from = range.fromKey() == null ? null : range.fromKey().array();
    byte[] to = range.toKey() == null ? null : range.toKey().array();
    return new EntryCursor(
        v,
        new MergingCursor(v.cursors(from, to, range.isReverse()), range.isReverse()),
        seq,
        range.limit(),
        config.clock(),
        pin);
  }

  /**
   * The retained history of {@code key}, newest first, at most {@code versionsToKeep} entries:
   * each write with its sequence, a deletion (point or range) or expiry as an entry with a
   * {@code null} value. History ends at a range deletion (what it hid is gone for every reader)
   * and never ends with a deletion, which would record nothing; so it reads the same before and
   * after compaction.
   */
  public List<KeyVersion> history(Bytes key) {
    checkKey(key);
    checkOpen();
    Version v = versions.current();
    byte[] k = key.array();
    long visible = v.visibleSeq();
    long now = config.clock().getAsLong();
    List<KeyVersion> all = new ArrayList<>();
    for (KeySource s : v.sources()) {
      SourceCursor c = s.cursor(k, null, false);
      if (c.valid() && KeyOrder.compare(c.key(), k) == 0) {
        c.versions(
            (seq, kind, value, expireAt) -> {
              if (seq <= visible) {
                boolean live = value != null && (expireAt == 0 || expireAt > now);
                all.add(new KeyVersion(seq, live ? Bytes.wrap(value) : null));
              }
            });
      }
    }
    List<KeyVersion> out = new ArrayList<>();
    for (KeyVersion kv : all) {
      if (out.size() == config.versionsToKeep()) {
        break;
      }
      long hiddenBy = newestTombstoneOver(v, k, kv.sequence(), visible);
      if (hiddenBy > 0) {
        out.add(new KeyVersion(hiddenBy, null));
        break;
      }
      out.add(kv);
    }
    while (out.size() > 0 && out.get(out.size() - 1).value() == null) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static long newestTombstoneOver(Version v, byte[] key, long versionSeq, long readSeq) {
    long newest = 0;
    for (RangeTombstone t : v.tombstones().toArray()) {
      if (t.hides(key, versionSeq, readSeq)) {
        newest = Math.max(newest, t.seq());
      }
    }
    return newest;
  }

  // ---------------------------------------------------------------- writes

  public void put(Bytes key, Bytes value, WriteCallback callback) {
    put(key, value, null, WriteOp.UNCONDITIONAL, callback);
  }

  /**
   * A put with an optional {@code ttl} and a condition: {@code expectedSequence} of -1 means
   * none, 0 means "only if absent", and n means "only if the live value has sequence n". The
   * callback's result is 1 when the put was applied, 0 when its condition failed.
   */
  public void put(
      Bytes key, Bytes value, Duration ttl, long expectedSequence, WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      checkKey(key);
      checkValue(value);
      checkCondition(expectedSequence);
      long expireAt = expireAt(ttl);
      writeLoop.submit(
          WriteOp.put(key.array(), value.array(), expireAt, expectedSequence, callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  /** Deletes {@code key}; the callback's result is 1 if a live value existed, else 0. */
  public void delete(Bytes key, WriteCallback callback) {
    delete(key, WriteOp.UNCONDITIONAL, callback);
  }

  /** A delete applied only if the live value has {@code expectedSequence} (-1: always). */
  public void delete(Bytes key, long expectedSequence, WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      checkKey(key);
      checkCondition(expectedSequence);
      if (expectedSequence == WriteOp.IF_ABSENT) {
        throw new InvalidArgumentException("a delete cannot be conditional on absence");
      }
      writeLoop.submit(WriteOp.delete(key.array(), expectedSequence, callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  /** Deletes every key starting with {@code prefix} with one range tombstone. */
  public void deletePrefix(Bytes prefix, WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      checkKey(prefix);
      writeLoop.submit(
          WriteOp.deleteRange(prefix.array(), KeyOrder.prefixEnd(prefix.array()), callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  /** Deletes every key in {@code [from, to)} with one range tombstone. */
  public void deleteRange(Bytes from, Bytes to, WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      checkRangeBounds(from, to);
      writeLoop.submit(
          WriteOp.deleteRange(from.array(), to == null ? null : to.array(), callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  /**
   * Applies {@code batch} atomically: readers see all of it or none of it. Its log records take
   * their sequences in batch order and reach the change feed only; a batch of nothing but log
   * records is valid.
   */
  public void write(WriteBatch batch, WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      if (batch == null) {
        throw new InvalidArgumentException("batch must not be null");
      }
      if (batch.size() == 0) {
        throw new InvalidArgumentException("batch must not be empty");
      }
      if (batch.size() > config.maxBatchOps()) {
        throw new InvalidArgumentException(
            "batch has " + batch.size() + " operations, more than maxBatchOps ("
                + config.maxBatchOps() + ")");
      }
      WriteOp[] items = new WriteOp[batch.size()];
      int i = 0;
      for (WriteBatch.Op op : batch.ops()) {
        items[i++] = toItem(op);
      }
      writeLoop.submit(WriteOp.batch(items, callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  /**
   * Commits an optimistic transaction: applies {@code writes} atomically, but only if none of
   * {@code readKeys} and nothing in {@code readRanges} was written after {@code snapshotSeq};
   * otherwise fails with {@link TransactionConflictException} and writes nothing. Log records
   * in {@code writes} count as writes, so they reach the change feed only if the commit does.
   */
  public void commit(
      long snapshotSeq,
      List<Bytes> readKeys,
      List<KeyRange> readRanges,
      WriteBatch writes,
      WriteCallback callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      if (writes == null || writes.size() == 0) {
        throw new InvalidArgumentException("a commit needs at least one write");
      }
      if (writes.size() > config.maxBatchOps()) {
        throw new InvalidArgumentException(
            "transaction writes " + writes.size() + " operations, more than maxBatchOps ("
                + config.maxBatchOps() + ")");
      }
      WriteOp[] items = new WriteOp[writes.size()];
      int i = 0;
      for (WriteBatch.Op op : writes.ops()) {
        items[i++] = toItem(op);
      }
      byte[][] keys = new byte[readKeys.size()][];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = readKeys.get(k).array();
      }
      byte[][] from = new byte[readRanges.size()][];
      byte[][] to = new byte[readRanges.size()][];
      for (int r = 0; r < from.length; r++) {
        KeyRange range = readRanges.get(r);
        from[r] = range.fromKey() == null ? null : range.fromKey().array();
        to[r] = range.toKey() == null ? null : range.toKey().array();
      }
      writeLoop.submit(
          WriteOp.commit(items, new ReadSet(snapshotSeq, keys, from, to), callback));
    } catch (WeirException e) {
      callback.onError(e);
    }
  }

  private WriteOp toItem(WriteBatch.Op op) {
    if (op == null || op.kind() == null) {
      throw new InvalidArgumentException("batch operation must not be null");
    }
    switch (op.kind()) {
      case PUT:
        checkKey(op.key());
        checkValue(op.value());
        return WriteOp.put(
            op.key().array(), op.value().array(), expireAt(op.ttl()), WriteOp.UNCONDITIONAL, null);
      case DELETE:
        checkKey(op.key());
        return WriteOp.delete(op.key().array(), WriteOp.UNCONDITIONAL, null);
      case DELETE_PREFIX:
        checkKey(op.key());
        return WriteOp.deleteRange(op.key().array(), KeyOrder.prefixEnd(op.key().array()), null);
      case DELETE_RANGE:
        checkRangeBounds(op.key(), op.to());
        return WriteOp.deleteRange(
            op.key().array(), op.to() == null ? null : op.to().array(), null);
      case LOG:
        checkKey(op.key());
        checkValue(op.value());
        return WriteOp.log(op.key().array(), op.value().array());
      default:
        throw new InvalidArgumentException("unknown batch operation " + op.kind());
    }
  }

  // ---------------------------------------------------------------- lifecycle and stats

  /**
   * Closes the store; idempotent. Writes already applied complete; queued ones fail with {@link
   * StoreClosedException}; later calls fail the same way. Open snapshots become unusable.
   */
  @Override
  public void close() {
    closeAsync();
  }

  /**
   * Closes like {@link #close()}; the future completes once a durable store has synced its log
   * and released its directory (at once in memory), exceptionally if the last sync failed.
   * Never blocks.
   */
  public CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!closing.compareAndSet(null, done)) {
      return closing.get();
    }
    closed = true;
    writeLoop.close();
    CompletableFuture<Void> compactorStopped = compactor.close();
    if (files == null) {
      done.complete(null);
    } else {
      // completed off the log's thread: what the caller chains on it is user code
      files.close(compactorStopped).whenCompleteAsync((ok, e) -> {
        if (e == null) {
          done.complete(null);
        } else {
          done.completeExceptionally(e instanceof java.util.concurrent.CompletionException
              && e.getCause() != null ? e.getCause() : e);
        }
      }, config.asyncExecutor());
    }
    return done;
  }

  /**
   * Closes gracefully: first lets every write submitted before this call be applied (writes held
   * back by a stall included), then closes like {@link #closeAsync()}; the future completes when
   * that close does. Writes submitted meanwhile may be applied or fail with {@link
   * StoreClosedException}. A store that is closed or stopped by a failure closes at once. Never
   * blocks; the close runs on the async executor, never on a caller's thread.
   */
  public CompletableFuture<Void> closeAfterWrites() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable close = () -> config.asyncExecutor().execute(() -> closeAsync().whenComplete(
        (ok, e) -> {
          if (e == null) {
            done.complete(null);
          } else {
            done.completeExceptionally(e);
          }
        }));
    writeLoop.submit(
        WriteOp.barrier(
            new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {
                close.run();
              }

              @Override
              public void onError(WeirException error) {
                close.run(); // closed or stopped: nothing is left to wait for
              }
            }));
    return done;
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Turns every value whose time to live has passed into a deletion now (the compactor also
   * does it every {@code expirySweepInterval}), so change streams report the expiries. Reads
   * hide expired values either way. Completes with how many expired.
   */
  public CompletableFuture<Long> sweepExpired() {
    CompletableFuture<Long> done = new CompletableFuture<>();
    compactor.requestExpirySweep(
        new WriteCallback() {
          @Override
          public void onSuccess(long sequence, long result) {
            done.complete(result);
          }

          @Override
          public void onError(WeirException error) {
            done.completeExceptionally(error);
          }
        });
    return done;
  }

  /**
   * Freezes the active memtable and completes once the compactor has flushed it, merged every
   * run into the deepest level (dropping every dead version and tombstone no snapshot needs),
   * and has nothing left to do: the store's steady shape, for tests and benchmarks. Non-blocking;
   * the future completes on an engine or writer thread, so chain only cheap work on it.
   */
  public CompletableFuture<Void> flushAndCompact() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    settle(done, 8);
    return done;
  }

  /**
   * One round: freeze, flush, compact fully, wait for idle. Writes that were held back by a
   * stall may land during the round and leave a memtable or a shallower run behind, so the
   * round repeats (a few times at most) until the shape is one memtable and one level.
   */
  private void settle(CompletableFuture<Void> done, int roundsLeft) {
    writeLoop.submit(
        WriteOp.flush(
            new WriteCallback() {
              @Override
              public void onSuccess(long sequence, long result) {
                compactor.requestFullCompaction();
                compactor.whenIdle().whenComplete((v, e) -> {
                  if (roundsLeft > 1 && !settled(versions.current()) && !closed) {
                    settle(done, roundsLeft - 1);
                  } else {
                    done.complete(null);
                  }
                });
              }

              @Override
              public void onError(WeirException error) {
                done.completeExceptionally(error);
              }
            }));
  }

  /** Completes once the compactor has nothing to do, without asking it for more; for tests. */
  CompletableFuture<Void> compactionIdle() {
    return compactor.whenIdle();
  }

  private static boolean settled(Version v) {
    if (!v.frozen().isEmpty() || !v.active().isEmpty()) {
      return false;
    }
    int nonEmptyLevels = 0;
    for (List<Run> level : v.levels()) {
      if (!level.isEmpty()) {
        nonEmptyLevels++;
      }
    }
    return nonEmptyLevels <= 1;
  }


  /** The store's counters; a closed store refuses, like every other operation. */
  public EngineStats stats() {
    checkOpen();
    Version v = versions.current();
    long entries = 0;
    long valueBytes = 0;
    for (MemTable m : allMemtables(v)) {
      entries += m.versionCount();
    }
    List<Integer> runsPerLevel = new ArrayList<>();
    for (List<Run> level : v.levels()) {
      runsPerLevel.add(level.size());
      for (Run r : level) {
        entries += r.size();
        valueBytes += r.valueBytes();
      }
    }
    for (MemTable m : allMemtables(v)) {
      valueBytes += m.valueBytes();
    }
    return new EngineStats(
        entries,
        valueBytes,
        writeLoop.liveBytes(),
        config.maxMemoryBytes(),
        1 + v.frozen().size(),
        List.copyOf(runsPerLevel),
        bloomStats.useful.sum(),
        bloomStats.falsePositive.sum(),
        compactor.flushes(),
        compactor.compactions(),
        compactor.failures(),
        compactor.lastFailure(),
        writeLoop.stalls(),
        writeLoop.rejectedWrites(),
        snapshots.openCount(),
        v.tombstones().size(),
        v.visibleSeq(),
        writeLoop.groups(),
        writeLoop.opsApplied(),
        compactor.flushBytes(),
        compactor.compactionBytesRead(),
        compactor.compactionBytesWritten(),
        writeLoop.pendingWrites(),
        changes.watcherCount(),
        changes.overflows(),
        writeLoop.commits(),
        writeLoop.conflicts(),
        writeLoop.failure() == null ? null : writeLoop.failure().toString());
  }

  private static List<MemTable> allMemtables(Version v) {
    List<MemTable> all = new ArrayList<>(v.frozen());
    all.add(v.active());
    return all;
  }

  // ---------------------------------------------------------------- checks

  private long countLive(byte[] from, byte[] to, long readSeq) {
    Version v = versions.current();
    MergingCursor merged = new MergingCursor(v.cursors(from, to, false), false);
    VersionRef ref = new VersionRef();
    long now = config.clock().getAsLong();
    long count = 0;
    for (; merged.valid(); merged.next()) {
      if (merged.resolve(readSeq, ref)
          && ref.kind == ValueKind.PUT
          && (ref.expireAt == 0 || ref.expireAt > now)
          && !v.hiddenByTombstone(merged.key(), ref.seq, readSeq)) {
        count++;
      }
    }
    return count;
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreClosedException("the store '" + config.name() + "' is closed");
    }
  }

  private void checkKey(Bytes key) {
    if (key == null) {
      throw new InvalidArgumentException("key must not be null");
    }
    if (key.isEmpty()) {
      throw new InvalidArgumentException("key must not be empty");
    }
    if (key.length() > config.maxKeySize()) {
      throw new InvalidArgumentException(
          "key is " + key.length() + " bytes, more than maxKeySize (" + config.maxKeySize() + ")");
    }
  }

  private void checkValue(Bytes value) {
    if (value == null) {
      throw new InvalidArgumentException("value must not be null");
    }
    if (value.length() > config.maxValueSize()) {
      throw new InvalidArgumentException(
          "value is " + value.length() + " bytes, more than maxValueSize ("
              + config.maxValueSize() + ")");
    }
  }

  private static void checkCondition(long expectedSequence) {
    if (expectedSequence < WriteOp.UNCONDITIONAL) {
      throw new InvalidArgumentException(
          "expected sequence must be -1 (none), 0 (absent) or a sequence number, was "
              + expectedSequence);
    }
  }

  private void checkRangeBounds(Bytes from, Bytes to) {
    checkKey(from);
    if (to != null) {
      checkKey(to);
      if (from.compareTo(to) > 0) {
        throw new InvalidArgumentException("range start " + from + " is after its end " + to);
      }
    }
  }

  private void checkRange(KeyRange range) {
    if (range.limit() < 1) {
      throw new InvalidArgumentException("scan limit must be at least 1, was " + range.limit());
    }
    Bytes from = range.fromKey();
    Bytes to = range.toKey();
    if (from != null && from.length() > config.maxKeySize()
        || to != null && to.length() > config.maxKeySize()) {
      throw new InvalidArgumentException("range bound is longer than maxKeySize");
    }
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new InvalidArgumentException("range start " + from + " is after its end " + to);
    }
  }

  private long expireAt(Duration ttl) {
    if (ttl == null) {
      return 0;
    }
    if (ttl.isZero() || ttl.isNegative()) {
      throw new InvalidArgumentException("ttl must be positive, was " + ttl);
    }
    long millis;
    try {
      millis = ttl.toMillis();
      long at = Math.addExact(config.clock().getAsLong(), Math.max(1, millis));
      if (at <= 0) {
        throw new ArithmeticException();
      }
      return at;
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException("ttl " + ttl + " overflows the clock");
    }
  }
}
