package dev.weir.engine.wal;

import dev.weir.engine.DiskFullException;
import dev.weir.engine.EngineThread;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.StorageFailedException;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.NoSpaceLeftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The write-ahead log's writer: group commit on one thread of Weir's own.
 *
 * <p><b>Why one thread.</b> An fsync takes hundreds of microseconds and blocks, and the
 * threads that append are callers' threads (the write loop runs on whoever writes: a Netty or
 * Vert.x event loop), which must never block. So an append only enqueues on a lock-free MPSC
 * queue and unparks the WAL thread if it sleeps; the WAL thread alone touches the files. It
 * takes everything queued as one group and does one write and one fsync for all of it, so
 * under load the cost of an fsync is shared by every write that arrived while the last one
 * ran (LevelDB's group commit, without its mutex). One owner also means the segment, its
 * size and the sticky failure need no lock, and records reach the disk in the order they
 * were appended. The thread is an {@link EngineThread}, so BlockHound checks it like any
 * engine thread; the BlockHound integration allows blocking only inside its wait for work and
 * its file I/O, never in the completions it runs.
 *
 * <p><b>Why fail-stop.</b> After a failed fsync the kernel may already have dropped the dirty
 * pages it could not write and marked them clean, so a second fsync can succeed with the data
 * gone (the PostgreSQL fsync lesson): nothing after a failed write or sync can be trusted to be
 * on the disk. So the failing group and every later append fail with {@link
 * StorageFailedException}, and no sequence after the failure is ever acknowledged. A full disk
 * is a different error but the same rule: the partial group is truncated away, so the log on
 * disk ends on a whole record, and the group and every later append fail with {@link
 * DiskFullException}; once space is freed, reopening the store resumes writing. Continuing in
 * place was rejected: the write loop has already applied the failed group to the memtable and
 * cannot take it back, so skipping its sequences would need the engine's cooperation for a rare
 * case.
 *
 * <p><b>Completions</b> run on the WAL thread after their group is durable (or written, per the
 * {@link SyncPolicy}), in append order; a callback must not block and must hand user code to
 * an executor. After {@link #close()}, queued appends are still written and synced; later ones
 * fail with {@link StoreClosedException}, nothing is left unanswered.
 *
 * <p><b>Truncation.</b> Once the runs hold every sequence up to some {@code seq}, {@link
 * #releaseBelow} asks the WAL thread to delete the closed segments whose records are all at or
 * below it (LevelDB deletes log files older than the one its last flush started). The thread
 * does it between groups, so the caller never waits on the disk; the current segment is never
 * deleted, so the log always keeps a file to continue. A failed delete is counted, not fatal:
 * the segment stays, replay skips its flushed records, and the next release tries again.
 */
public final class WalWriter {

  /** Hears how one append ended, exactly once. */
  public interface AppendCallback {
    /** Everything up to and including {@code lastSeq} is in the log, this append's records too. */
    void onDurable(long lastSeq);

    void onFailed(WeirException error);
  }

  /** One append. The fields below the records are the WAL thread's. */
  private static final class Pending {
    final List<WalRecord> records;
    final AppendCallback callback;
    int[] payloadSizes;
    long frameBytes;
    WeirException error;

    Pending(List<WalRecord> records, AppendCallback callback) {
      this.records = records;
      this.callback = callback;
    }
  }

  /** Appends taken into one group at most. */
  static final int MAX_GROUP = 4096;
  /** A group stops growing past this many bytes, bounding one write's size and latency. */
  static final long GROUP_BYTES = 16L << 20;

  private static final int KEPT_BUFFER = 1 << 20;

  private final MpscUnboundedXaddArrayQueue<Pending> queue =
      new MpscUnboundedXaddArrayQueue<>(1024);
  /** Requests to delete flushed segments, answered by the WAL thread. */
  private final ConcurrentLinkedQueue<Release> releases = new ConcurrentLinkedQueue<>();
  private final SegmentWriter segments;
  private final SyncPolicy policy;
  private final String location;
  private final Thread thread;
  private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
  private final AtomicInteger drainer = new AtomicInteger();
  private volatile boolean sleeping;
  private volatile boolean closed;
  private volatile boolean terminated;

  // owned by the WAL thread
  private final List<Pending> group = new ArrayList<>();
  private Pending carried;
  private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private long nextSeq;
  private boolean unsynced;
  private long lastSyncNanos;
  private WeirException failure;

  // written by the WAL thread with release stores, read racily by stats
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong droppedCallbackErrors = new AtomicLong();
  private final AtomicLong releasedSegments = new AtomicLong();
  private final AtomicLong failedReleases = new AtomicLong();

  /** A request to delete the segments flushed up to {@code seq}. */
  private record Release(long seq, CompletableFuture<Integer> done) {}

  private WalWriter(Directory dir, SyncPolicy policy, long segmentBytes, long nextSeq) {
    this.segments = new SegmentWriter(dir, segmentBytes);
    this.policy = policy;
    this.location = dir.location();
    this.nextSeq = nextSeq;
    this.thread = EngineThread.factory("weir-wal").newThread(this::run);
  }

  /**
   * Starts a writer whose first record will have sequence {@code nextSeq}, in a new segment
   * after any in {@code dir}. Does no I/O on the calling thread: the WAL thread creates the
   * segment, and a failure there fails the appends.
   */
  public static WalWriter start(Directory dir, SyncPolicy policy, long segmentBytes,
      long nextSeq) {
    if (segmentBytes < 1) {
      throw new IllegalArgumentException("segmentBytes must be positive: " + segmentBytes);
    }
    if (nextSeq < 1) {
      throw new IllegalArgumentException("nextSeq must be at least 1: " + nextSeq);
    }
    WalWriter w = new WalWriter(dir, Objects.requireNonNull(policy, "policy"), segmentBytes,
        nextSeq);
    w.thread.start();
    return w;
  }

  /**
   * Queues a group of records, which must continue the log's sequence (the first one's {@code
   * firstSeq} one past the last appended). Empty {@code records} complete once everything
   * appended before is durable. Never blocks, from any thread; {@code callback} runs on the WAL
   * thread, or on the calling thread if the log is closed.
   */
  public void append(List<WalRecord> records, AppendCallback callback) {
    if (closed) {
      callback.onFailed(new StoreClosedException("the log is closed"));
      return;
    }
    queue.offer(new Pending(List.copyOf(records), callback));
    if (sleeping) {
      LockSupport.unpark(thread);
    }
    if (terminated) {
      failRemaining(); // the thread stopped between our check and our offer
    }
  }

  /**
   * Writes and syncs what is queued, then stops. Never blocks; the future completes when the
   * files are closed, exceptionally if the log had failed or its last sync failed.
   */
  public CompletableFuture<Void> close() {
    closed = true;
    LockSupport.unpark(thread);
    return closedFuture;
  }

  /**
   * Asks the WAL thread to delete every closed segment all of whose records have sequences at
   * or below {@code seq}, then sync the directory: call it once the runs and the manifest hold
   * everything up to {@code seq}. Never blocks; the future completes on the WAL thread with the
   * number of segments deleted (0 when a delete failed, see {@link #failedReleases}, or the log
   * is closed or failed).
   */
  public CompletableFuture<Integer> releaseBelow(long seq) {
    Release r = new Release(seq, new CompletableFuture<>());
    releases.offer(r);
    if (sleeping) {
      LockSupport.unpark(thread);
    }
    if (terminated) {
      answerReleases(0); // the thread stopped between our offer and its last look
    }
    return r.done;
  }

  /** Segments deleted by {@link #releaseBelow} so far. */
  public long releasedSegments() {
    return releasedSegments.get();
  }

  /** Releases whose delete or directory sync failed; their segments stay until the next one. */
  public long failedReleases() {
    return failedReleases.get();
  }

  /** Appends taken so far, failed ones included. */
  public long appends() {
    return appends.get();
  }

  /** Groups taken so far: at most one write and one fsync each. */
  public long groups() {
    return groups.get();
  }

  /** Fsyncs done so far. */
  public long syncs() {
    return syncs.get();
  }

  /** Exceptions thrown by callbacks, which must not throw. */
  public long droppedCallbackErrors() {
    return droppedCallbackErrors.get();
  }

  private void run() {
    openLog();
    lastSyncNanos = System.nanoTime();
    while (true) {
      if (!releases.isEmpty()) {
        releaseSegments();
      }
      takeGroup();
      if (!group.isEmpty()) {
        long durable = commitGroup();
        completeGroup(durable);
        continue;
      }
      if (closed) {
        break;
      }
      long waitNanos = 0;
      if (unsynced && policy.syncsOnInterval()) {
        waitNanos = lastSyncNanos + policy.intervalNanos() - System.nanoTime();
        if (waitNanos <= 0) {
          syncIdle();
          continue;
        }
      }
      awaitWork(waitNanos);
    }
    closeLog();
    terminated = true;
    failRemaining();
    answerReleases(0);
    if (failure == null) {
      closedFuture.complete(null);
    } else {
      closedFuture.completeExceptionally(failure);
    }
  }

  /** Takes queued appends, up to {@link #MAX_GROUP} of them or {@link #GROUP_BYTES}. */
  private void takeGroup() {
    long bytes = 0;
    while (group.size() < MAX_GROUP && bytes < GROUP_BYTES) {
      Pending p = carried != null ? carried : queue.poll();
      carried = null;
      if (p == null) {
        return;
      }
      measure(p);
      if (!group.isEmpty() && bytes + p.frameBytes > RecordFrame.MAX_PAYLOAD) {
        carried = p; // the next group's first
        return;
      }
      group.add(p);
      bytes += p.frameBytes;
    }
  }

  private static void measure(Pending p) {
    p.payloadSizes = new int[p.records.size()];
    try {
      for (int i = 0; i < p.payloadSizes.length; i++) {
        p.payloadSizes[i] = RecordCodec.payloadSize(p.records.get(i));
        p.frameBytes += RecordFrame.HEADER + p.payloadSizes[i];
      }
      if (p.frameBytes > RecordFrame.MAX_PAYLOAD) {
        throw new IllegalArgumentException("an append of " + p.frameBytes + " bytes");
      }
    } catch (IllegalArgumentException e) {
      p.error = new WeirException(ErrorCode.INTERNAL, "the log refused an append too large to "
          + "write at once: " + e.getMessage());
      p.frameBytes = 0;
    }
  }

  /** The WAL thread's one wait: until an append or close unparks it, or a sync falls due. */
  private void awaitWork(long nanos) {
    sleeping = true;
    if (queue.isEmpty() && releases.isEmpty() && !closed) {
      if (nanos > 0) {
        LockSupport.parkNanos(this, nanos);
      } else {
        LockSupport.park(this);
      }
    }
    sleeping = false;
  }

  private void openLog() {
    try {
      segments.open(nextSeq);
    } catch (IOException | RuntimeException | Error e) {
      failure = ioFailure("cannot start a log segment in " + location, e);
    }
  }

  /**
   * Writes the group with one write and, under {@code ALWAYS}, one fsync. Returns the last
   * durable sequence, or -1 when the group failed.
   */
  private long commitGroup() {
    assert Thread.currentThread() == thread : "only the WAL thread writes";
    groups.lazySet(groups.get() + 1);
    appends.lazySet(appends.get() + group.size());
    if (failure != null) {
      return -1;
    }
    long firstSeq = nextSeq;
    ByteBuffer bytes = encodeGroup();
    try {
      if (bytes.hasRemaining()) {
        segments.write(bytes, firstSeq);
        unsynced = true;
      }
      if (unsynced && (policy.syncsEveryGroup() || intervalPassed())) {
        sync();
      }
      return nextSeq - 1;
    } catch (NoSpaceLeftException e) {
      failure = new DiskFullException("the disk is full writing " + segments.currentName()
          + " in " + location + "; free space and reopen the store (reads keep working)", e);
      try {
        segments.dropLastGroup();
      } catch (IOException | RuntimeException | Error t) {
        failure = ioFailure("cannot cut a partial write from " + segments.currentName(), t);
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = ioFailure(
          "cannot write or sync " + segments.currentName() + " in " + location, e);
    }
    return -1;
  }

  /**
   * Frames the accepted appends into one buffer and advances the expected sequence. An append
   * whose records do not continue the log's sequence is refused alone, its records left out: an
   * engine bug, since the write loop appends in sequence order while it holds the writer role.
   */
  private ByteBuffer encodeGroup() {
    long total = 0;
    for (Pending p : group) {
      total += p.frameBytes;
    }
    if (buffer.capacity() < total || buffer.capacity() > Math.max(KEPT_BUFFER, total)) {
      buffer = ByteBuffer.allocate((int) Math.max(total, 64 * 1024));
    }
    buffer.clear();
    for (Pending p : group) {
      if (p.error == null && continues(p)) {
        for (int i = 0; i < p.records.size(); i++) {
          RecordFrame.encode(p.records.get(i), p.payloadSizes[i], buffer);
        }
        if (!p.records.isEmpty()) {
          nextSeq = p.records.get(p.records.size() - 1).lastSeq() + 1;
        }
      }
    }
    return buffer.flip();
  }

  private boolean continues(Pending p) {
    long expected = nextSeq;
    for (WalRecord r : p.records) {
      if (r.firstSeq() != expected) {
        p.error = new WeirException(ErrorCode.INTERNAL, "the log refused a record of sequence "
            + r.firstSeq() + " where it expects " + expected);
        return false;
      }
      expected = r.lastSeq() + 1;
    }
    return true;
  }

  /**
   * Deletes the segments every queued release covers (the highest sequence asked covers the
   * others) and answers the requests. Not after a failure: a failed log touches no more files.
   */
  private void releaseSegments() {
    long seq = Long.MIN_VALUE;
    int n = 0;
    for (Release r : releases) {
      seq = Math.max(seq, r.seq);
      n++;
    }
    int deleted = failure == null ? deleteSegments(seq) : 0;
    for (int i = 0; i < n; i++) {
      releases.poll().done.complete(deleted);
    }
  }

  /** The file I/O of a release, apart from its completions. */
  private int deleteSegments(long seq) {
    try {
      int deleted = segments.release(seq);
      releasedSegments.lazySet(releasedSegments.get() + deleted);
      return deleted;
    } catch (IOException | RuntimeException e) {
      failedReleases.incrementAndGet();
      return 0;
    }
  }

  /** Answers requests left once the WAL thread has stopped; CAS-free, the queue is MPMC. */
  private void answerReleases(int deleted) {
    for (Release r; (r = releases.poll()) != null; ) {
      r.done.complete(deleted);
    }
  }

  /** An interval sync that fell due with nothing queued. */
  private void syncIdle() {
    if (failure != null) {
      unsynced = false;
      return;
    }
    try {
      sync();
    } catch (IOException | RuntimeException | Error e) {
      failure = ioFailure("cannot sync " + segments.currentName() + " in " + location, e);
    }
  }

  private void closeLog() {
    try {
      if (failure == null && unsynced) {
        sync();
      }
      segments.close();
    } catch (IOException | RuntimeException | Error e) {
      if (failure == null) {
        failure = ioFailure("cannot sync or close " + segments.currentName(), e);
      }
    }
  }

  private void sync() throws IOException {
    segments.sync();
    unsynced = false;
    lastSyncNanos = System.nanoTime();
    syncs.lazySet(syncs.get() + 1);
  }

  private boolean intervalPassed() {
    return policy.syncsOnInterval()
        && System.nanoTime() - lastSyncNanos >= policy.intervalNanos();
  }

  private static StorageFailedException ioFailure(String what, Throwable cause) {
    return new StorageFailedException(
        what + ": " + cause + "; the log is stopped and acknowledges nothing more (reopen the"
            + " store)", cause);
  }

  /** Runs the group's callbacks, in append order, and empties it. */
  private void completeGroup(long durable) {
    for (Pending p : group) {
      WeirException error = p.error != null ? p.error : failure;
      if (error == null && durable < 0) {
        error = new StorageFailedException("the log failed");
      }
      complete(p, error, durable);
    }
    group.clear();
  }

  private void complete(Pending p, WeirException error, long durable) {
    try {
      if (error != null) {
        p.callback.onFailed(error);
      } else {
        p.callback.onDurable(durable);
      }
    } catch (RuntimeException e) {
      droppedCallbackErrors.incrementAndGet(); // one throwing callback costs the others nothing
    }
  }

  /**
   * Fails what is left in the queue once the WAL thread has stopped. Whoever finds the queue
   * non-empty takes the consumer role with a CAS, so the queue keeps one consumer at a time.
   */
  private void failRemaining() {
    while (!queue.isEmpty() && drainer.compareAndSet(0, 1)) {
      try {
        for (Pending p; (p = queue.poll()) != null; ) {
          complete(p, new StoreClosedException("the log was closed before the append was taken"),
              -1);
        }
      } finally {
        drainer.set(0);
      }
    }
  }
}
