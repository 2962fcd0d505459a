package dev.weir.engine.version;

import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunFileWriter;
import dev.weir.engine.vfs.Directory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A durable store's versions on disk: every edit's new runs written as files, then the edit
 * recorded in the manifest, before the write loop installs it.
 *
 * <h2>Design</h2>
 *
 * <p><b>Order of writes</b> (LevelDB's {@code LogAndApply}). An edit's run files are written
 * and synced, the directory synced, and only then the edit appended to the manifest and synced:
 * a crash at any point leaves a manifest that names only complete files, and files it does not
 * name, which the next open deletes. A flush's record also says the last flushed sequence (the
 * newest flushed memtable's seal) and the range tombstones up to it, so recovery replays the
 * log only after it; then the log may drop its segments below it.
 *
 * <p><b>Deleting files.</b> In this mode reads are served from memory: a version or snapshot
 * reads the in-memory {@link Run}, never its file, so a file is needed only by recovery, and
 * only while the manifest names it. A removed run's file is deleted once the edit that removed
 * it is durable in the manifest and installed.
 *
 * <p><b>Failure.</b> A failed run-file write (a full disk) deletes the partial file and fails
 * the job; nothing was recorded, the log still holds the data, the compactor tries again. A
 * failed manifest append is different: the manifest's state on disk is unknown, so the caller
 * fail-stops the store (the PostgreSQL fsync lesson).
 *
 * <p>Not thread-safe: created on the opening thread, then used only by the compactor's thread
 * (the hand-off through the thread's task queue orders the two).
 */
public final class VersionFiles {

  private final StoreDirectory store;
  private final long firstRunId;
  /** Set once by {@link #start}, on the opening thread; read by the compactor's. */
  private volatile ManifestWriter manifest;
  private long lastFlushedSeq;

  /**
   * The versions recovered as {@code state}; nothing may be written until {@link #start}. The
   * new manifest will take {@code state}'s next file number, so runs are numbered after it.
   */
  public VersionFiles(StoreDirectory store, ManifestState state) {
    this.store = store;
    this.firstRunId = state.nextFileNumber() + 1;
    this.lastFlushedSeq = state.lastFlushedSeq();
  }

  /** Called once recovery has succeeded: edits go to {@code manifest} from now on. */
  public void start(ManifestWriter manifest) {
    this.manifest = manifest;
  }

  /** Whether {@link #start} has run: until then an edit must wait. */
  public boolean isStarted() {
    return manifest != null;
  }

  public Directory directory() {
    return store.directory();
  }

  /** The first number a new run may take: past the manifest the open is about to start. */
  public long firstRunId() {
    return firstRunId;
  }

  /** The sequence through which the runs on disk hold everything. */
  public long lastFlushedSeq() {
    return lastFlushedSeq;
  }

  /**
   * Writes {@code edit}'s runs and records it. {@code current} is the version the job read
   * (its tombstones are recorded up to the new flushed sequence); {@code nextFileNumber} is one
   * past the highest run id handed out so far. Returns the new last flushed sequence. An {@link
   * IOException} from a run file leaves nothing recorded; one from the manifest leaves the
   * manifest unknown: {@link ManifestFailedException} tells the two apart.
   */
  public long persist(VersionEdit edit, Version current, long nextFileNumber) throws IOException {
    List<RunFile> added = new ArrayList<>();
    List<String> written = new ArrayList<>();
    try {
      for (VersionEdit.LeveledRun lr : edit.added()) {
        if (edit.removed().contains(lr.run())) { // moved: its file stays as it is
          added.add(new RunFile(lr.level(), lr.run().id(), liveFileLength(lr.run().id())));
          continue;
        }
        String name = StoreDirectory.runFileName(lr.run().id());
        long length = RunFileWriter.write(store.directory(), name, lr.run());
        written.add(name);
        added.add(new RunFile(lr.level(), lr.run().id(), length));
      }
      if (!written.isEmpty()) {
        store.directory().sync();
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(written, e);
      throw e;
    }
    long flushed = lastFlushedSeq;
    for (MemTable m : edit.flushed()) {
      flushed = Math.max(flushed, m.sealedSeq());
    }
    List<RangeTombstone> tombstonesAdded = new ArrayList<>();
    for (RangeTombstone t : current.tombstones().toArray()) {
      if (t.seq() > lastFlushedSeq && t.seq() <= flushed) {
        tombstonesAdded.add(t);
      }
    }
    Set<Long> known = new HashSet<>();
    for (RangeTombstone t : manifest.state().tombstones()) {
      known.add(t.seq());
    }
    for (RangeTombstone t : tombstonesAdded) {
      known.add(t.seq());
    }
    List<Long> retired = new ArrayList<>();
    for (long seq : edit.retiredTombstoneSeqs()) {
      if (known.contains(seq)) { // one never recorded comes back from the log, harmlessly
        retired.add(seq);
      }
    }
    List<Long> removed = new ArrayList<>();
    for (Run r : edit.removed()) {
      removed.add(r.id());
    }
    ManifestRecord record =
        ManifestRecord.edit(
            nextFileNumber,
            flushed == lastFlushedSeq ? ManifestRecord.UNCHANGED : flushed,
            added,
            removed,
            tombstonesAdded,
            retired);
    try {
      manifest.append(record);
    } catch (IOException | RuntimeException e) {
      throw new ManifestFailedException(manifest.name(), e);
    }
    lastFlushedSeq = flushed;
    return flushed;
  }

  /** Deletes the files of runs an installed edit removed. */
  public void deleteRemoved(VersionEdit edit) throws IOException {
    if (edit.removed().isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Run r : edit.removed()) {
      if (!edit.moves(r)) {
        names.add(StoreDirectory.runFileName(r.id()));
      }
    }
    if (!names.isEmpty()) {
      store.deleteFiles(names);
    }
  }

  private long liveFileLength(long fileId) {
    for (List<RunFile> level : manifest.state().levels()) {
      for (RunFile f : level) {
        if (f.fileId() == fileId) {
          return f.length();
        }
      }
    }
    throw new IllegalStateException("moves run file " + fileId + ", which is not live");
  }

  public void close() throws IOException {
    if (manifest != null) {
      manifest.close();
    }
  }

  private void deleteQuietly(List<String> names, Exception cause) {
    for (String name : names) {
      try {
        store.directory().delete(name);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** A manifest append failed: what the manifest on disk holds is unknown. */
  public static final class ManifestFailedException extends IOException {
    ManifestFailedException(String manifest, Throwable cause) {
      super("appending to " + manifest + " failed: " + cause, cause);
    }
  }

}
