package dev.weir.engine;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.DirectoryLock;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.wal.ReplayReport;
import dev.weir.engine.wal.WalReader;
import dev.weir.engine.wal.WalRepair;
import dev.weir.engine.wal.WalWriter;
import dev.weir.engine.write.WriteLoop;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A durable store's hold on its directory: the lock, the directory and, once recovered, the
 * write-ahead log's writer. Opening and recovering block on the disk, so they run on the
 * opening thread (never an event loop: the reactive layer opens on a thread that may block);
 * after that, file I/O happens only on the log's own thread.
 */
final class DurableFiles {

  private final Directory dir;
  private final DirectoryLock lock;
  private WalWriter wal; // set once by recover(), on the opening thread, before the store escapes
  private ReplayReport replay;

  private DurableFiles(Directory dir, DirectoryLock lock) {
    this.dir = dir;
    this.lock = lock;
  }

  /** The config's directory on the local disk, created if absent. */
  static Directory local(EngineConfig config) {
    try {
      return LocalDirectory.open(config.directory());
    } catch (IOException e) {
      throw new StorageFailedException(
          "cannot open the store directory " + config.directory() + ": " + e, e);
    }
  }

  /** Locks {@code dir}: a second owner fails with StoreLockedException. */
  static DurableFiles lock(Directory dir) {
    return new DurableFiles(dir, DirectoryLock.acquire(dir));
  }

  /**
   * Redoes the log into {@code loop}, cuts a torn tail (or, when salvaging, the damage and what
   * follows it), and starts the log's writer after the last recovered sequence.
   */
  void recover(EngineConfig config, WriteLoop loop) {
    replay = WalReader.replay(dir, loop.lastSequence() + 1, config.salvage(), loop::replay);
    WalRepair.apply(dir, replay);
    wal =
        WalWriter.start(
            dir, config.syncPolicy(), config.walSegmentBytes(), loop.lastSequence() + 1);
    loop.attachLog(wal);
  }

  /** What the replay found: the last sequence, records replayed, any cut. */
  ReplayReport replayReport() {
    return replay;
  }

  Directory directory() {
    return dir;
  }

  /** Syncs and closes the log, then releases the lock; completes when both are done. */
  CompletableFuture<Void> close() {
    CompletableFuture<Void> logClosed =
        wal == null ? CompletableFuture.completedFuture(null) : wal.close();
    return logClosed.handle(
        (ok, failure) -> {
          releaseLock();
          if (failure != null) {
            throw failure instanceof RuntimeException r ? r : new StorageFailedException(
                "closing the log of " + dir.location() + " failed: " + failure, failure);
          }
          return null;
        });
  }

  /** Releases the lock at once: a failed open gives up the directory. */
  void releaseLock() {
    try {
      lock.close();
    } catch (IOException e) {
      // the OS drops the lock with the descriptor anyway; nothing was written through it
    }
  }
}
