package dev.weir.engine.version;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.WritableFile;
import dev.weir.engine.wal.LogFrame;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Appends records to one manifest file, each framed as a {@link LogFrame} whose sequence is
 * the record's number in the file (1 for the snapshot it starts with), and syncs each before
 * returning: a version edit counts once {@link #append} returns, not before.
 *
 * <p><b>Fail-stop.</b> After a failed write or sync the file's end is unknown (and, after a
 * failed fsync, so is what reached the disk), so every later append fails too; the caller
 * starts a new manifest from its state with {@link StoreDirectory#startManifest} or stops.
 *
 * <p>Not safe for use from multiple threads: owned by the one thread that installs versions,
 * which may block on the disk.
 */
public final class ManifestWriter implements Closeable {

  private final WritableFile file;
  private final String name;
  private final long number;
  private ManifestState state;
  private long records;
  private long size;
  private IOException failure;

  private ManifestWriter(WritableFile file, String name, long number, ManifestState state) {
    this.file = file;
    this.name = name;
    this.number = number;
    this.state = state;
  }

  /** Creates {@code name}, writes {@code state} as its snapshot record and syncs the file. */
  static ManifestWriter create(Directory dir, String name, long number, ManifestState state)
      throws IOException {
    WritableFile file = dir.create(name);
    ManifestWriter w = new ManifestWriter(file, name, number, ManifestState.EMPTY);
    try {
      w.append(state.snapshot());
    } catch (IOException | RuntimeException e) {
      try {
        file.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return w;
  }

  /**
   * Writes {@code record} and syncs the file. A record that does not apply to the current
   * state throws {@link IllegalArgumentException} and writes nothing; an I/O failure (a {@link
   * dev.weir.engine.vfs.NoSpaceLeftException} when the disk is full) fails this and every later
   * append.
   */
  public void append(ManifestRecord record) throws IOException {
    if (failure != null) {
      throw new IOException("the manifest " + name + " failed earlier: " + failure, failure);
    }
    ManifestState next = state.apply(record);
    int payload = ManifestCodec.size(record);
    ByteBuffer frame = ByteBuffer.allocate(LogFrame.HEADER + payload);
    frame.position(LogFrame.HEADER);
    ManifestCodec.encode(record, frame);
    LogFrame.seal(frame, 0, payload, records + 1);
    frame.flip();
    try {
      file.write(frame);
      file.sync();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    records++;
    size += frame.limit();
    state = next;
  }

  /** The state after every record appended so far. */
  public ManifestState state() {
    return state;
  }

  /** The file's name, {@code MANIFEST-000005}. */
  public String name() {
    return name;
  }

  /** The file's number, from the same sequence as run files. */
  public long number() {
    return number;
  }

  /** Bytes written: a store may start a new manifest once it grows past a limit. */
  public long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
