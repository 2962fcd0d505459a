package dev.weir.engine;

import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.DirectoryLock;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.version.ManifestReplay;
import dev.weir.engine.version.ManifestState;
import dev.weir.engine.version.RunFileLoader;
import dev.weir.engine.version.StoreDirectory;
import dev.weir.engine.version.Version;
import dev.weir.engine.version.VersionFiles;
import dev.weir.engine.wal.ReplayReport;
import dev.weir.engine.wal.WalReader;
import dev.weir.engine.wal.WalRepair;
import dev.weir.engine.wal.WalWriter;
import dev.weir.engine.write.WriteLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable store's hold on its directory: the lock, the run files and manifest, and the
 * write-ahead log.
 *
 * <p><b>Opening</b> is LevelDB's {@code DB::Recover}: lock the directory; replay the manifest
 * {@code CURRENT} names; delete what no manifest names (runs a crashed flush left, old
 * manifests, temporary files); load the runs; start a new manifest holding the recovered
 * state (which drops a torn manifest tail); replay the log from the last flushed sequence,
 * cutting a torn tail; start the log's writer after the last recovered sequence; release log
 * segments the runs already hold. All of it blocks on the disk, on the opening thread (the
 * reactive layer opens on a thread that may block, never an event loop). After that, file I/O
 * happens only on the log's thread and the compactor's.
 */
final class DurableFiles {

  private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

  private final Directory dir;
  private final DirectoryLock lock;
  // set on the opening thread before the store escapes; then read-only
  private StoreDirectory store;
  private StoreDirectory.Recovered recovered;
  private ManifestState state;
  private VersionFiles versionFiles;
  private WalWriter wal;
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
   * Reads the manifest and loads the runs it names, changing no file; returns the version to
   * start from, visible through the last flushed sequence, with {@code active} as its memtable.
   */
  Version load(EngineConfig config, Run.BloomStats bloomStats, MemTable active) {
    store = new StoreDirectory(dir);
    try {
      recovered = store.recover();
      state = recovered == null ? ManifestState.EMPTY : recovered.replay().state();
      RunFileLoader.Loaded loaded =
          RunFileLoader.load(dir, state, config.bloomBitsPerKey(), bloomStats);
      versionFiles = new VersionFiles(store, state);
      return new Version(
          state.lastFlushedSeq(), active, List.of(), loaded.levels(), loaded.tombstones());
    } catch (IOException e) {
      throw new StorageFailedException(
          "cannot recover the store in " + dir.location() + ": " + e, e);
    }
  }

  /** The run files and manifest, handed to the compactor. */
  VersionFiles versionFiles() {
    return versionFiles;
  }

  /**
   * Redoes the log into {@code loop} from the last flushed sequence; only once that succeeded
   * changes any file: cuts the log's torn tail (or, when salvaging, the damage and what follows
   * it), deletes what no manifest names, starts a new manifest holding the recovered state
   * (which drops a torn manifest tail), and starts the log's writer after the last recovered
   * sequence. A refused open so leaves every file as it found it.
   */
  void recover(EngineConfig config, WriteLoop loop) {
    long flushed = state.lastFlushedSeq();
    ManifestReplay.TornTail manifestTail =
        recovered == null ? null : recovered.replay().tornTail();
    try {
      replay = WalReader.replay(dir, flushed + 1, config.salvage(), loop::replay);
    } catch (CorruptionException e) {
      if (manifestTail == null) {
        throw e;
      }
      // the log was released up to a flush the manifest's damaged last record recorded: that
      // record, not the log, is what is missing
      CorruptionException c = new CorruptionException(dir.describe(recovered.manifest()),
          manifestTail.offset(), "its last record is damaged (" + manifestTail.why()
              + "), and the log no longer holds what it recorded: " + e.getMessage());
      c.addSuppressed(e);
      throw c;
    }
    report(replay);
    if (manifestTail != null) {
      LOG.info("store {}: cut the partial last record of {}: {}", dir.location(),
          recovered.manifest(), manifestTail);
    }
    try {
      WalRepair.apply(dir, replay);
      // before any new file: a crashed flush's leftover must not clash with a number reused now
      store.deleteFiles(store.obsoleteFiles(state, recovered == null ? -1
          : recovered.manifestNumber(), id -> false));
      versionFiles.start(store.startManifest(state));
      if (recovered != null) {
        store.deleteFiles(List.of(recovered.manifest()));
      }
    } catch (IOException e) {
      throw new StorageFailedException(
          "cannot recover the store in " + dir.location() + ": " + e, e);
    }
    wal =
        WalWriter.start(
            dir, config.syncPolicy(), config.walSegmentBytes(), loop.lastSequence() + 1);
    loop.attachLog(wal);
    wal.releaseBelow(flushed);
  }

  /** The log may drop what the runs on disk now hold: called after a flush is recorded. */
  void flushedThrough(long seq) {
    WalWriter w = wal;
    if (w != null) {
      w.releaseBelow(seq);
    }
  }

  /** Says what a cut drops: a torn tail is expected after a crash, salvaged damage is not. */
  private void report(ReplayReport r) {
    if (r.salvaged() != null) {
      LOG.warn("store {}: the log was damaged; salvage kept its valid prefix through sequence {}"
          + " and drops {}", dir.location(), r.lastSeq(), r.salvaged());
    } else if (r.tornTail() != null) {
      LOG.info("store {}: cut the partial last write a crash left (never acknowledged): {}",
          dir.location(), r.tornTail());
    }
  }

  /** What the replay found: the last sequence, records replayed, any cut. */
  ReplayReport replayReport() {
    return replay;
  }

  Directory directory() {
    return dir;
  }

  /**
   * Once {@code compactorStopped} (no file is written after it): syncs and closes the log,
   * closes the manifest, then releases the lock; completes when all are done.
   */
  CompletableFuture<Void> close(CompletableFuture<Void> compactorStopped) {
    return compactorStopped
        .thenCompose(stopped -> wal == null ? CompletableFuture.<Void>completedFuture(null)
            : wal.close())
        .handle(
            (ok, failure) -> {
              List<Throwable> problems = new ArrayList<>();
              if (failure != null) {
                problems.add(failure);
              }
              closeManifest(problems);
              releaseLock();
              if (!problems.isEmpty()) {
                Throwable first = problems.get(0);
                while (first instanceof java.util.concurrent.CompletionException
                    && first.getCause() != null) {
                  first = first.getCause();
                }
                throw first instanceof RuntimeException r ? r : new StorageFailedException(
                    "closing the store in " + dir.location() + " failed: " + first, first);
              }
              return null;
            });
  }

  private void closeManifest(List<Throwable> problems) {
    if (versionFiles == null) {
      return;
    }
    try {
      versionFiles.close();
    } catch (IOException e) {
      problems.add(e);
    }
  }

  /**
   * A failed open gives up the directory: once the compactor has stopped (the opening thread
   * waits for it, so no file is written after the lock is released and a retry, say with
   * salvage, can open at once), closes what it started and releases the lock.
   */
  void abandon(CompletableFuture<Void> compactorStopped) {
    // blocking is this method's contract: it runs only on the thread opening the store, which
    // reads files and may wait (never an event loop: Weir.open runs it on boundedElastic)
    compactorStopped.join();
    if (wal != null) {
      wal.close();
    }
    closeManifest(new ArrayList<>());
    releaseLock();
  }

  private void releaseLock() {
    try {
      lock.close();
    } catch (IOException e) {
      // the OS drops the lock with the descriptor anyway; nothing was written through it
    }
  }
}
