package dev.weir.engine.run;

import static dev.weir.engine.run.RunFileFormat.BLOCK_BYTES;
import static dev.weir.engine.run.RunFileFormat.BLOCK_CRC;
import static dev.weir.engine.run.RunFileFormat.ENTRY_OVERHEAD;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes a {@link Run} to a run file in the {@link RunFileFormat}. Entries are encoded
 * straight from the run's arrays into one large buffer, written to the file a few megabytes at
 * a time, so a million entries cost a few hundred writes and no object per entry.
 *
 * <p>Each call owns its buffer and file; the thread that calls it may block on the disk.
 */
public final class RunFileWriter {

  /** Bytes gathered before a write to the file. */
  private static final int BUFFER_BYTES = 4 << 20;

  private final WritableFile file;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
  private long[] blockOffsets = new long[64];
  private int blocks;
  /** File offset of {@link #buffer}'s first byte. */
  private long flushed;
  /** Buffer position where the open block started, or -1 when none is open. */
  private int blockStart = -1;

  private RunFileWriter(WritableFile file) {
    this.file = file;
  }

  /**
   * Writes {@code run} to the new file {@code name} in {@code dir} and syncs it; returns the
   * file's length, which the manifest records. The caller syncs the directory once the name
   * must survive a crash. On failure the partial file is deleted (best effort, freeing the
   * space a full disk needs) and the error is rethrown: a {@link
   * dev.weir.engine.vfs.NoSpaceLeftException} when the disk is full.
   */
  public static long write(Directory dir, String name, Run run) throws IOException {
    WritableFile file = dir.create(name);
    try {
      long length;
      try (file) {
        length = new RunFileWriter(file).writeRun(run);
        file.sync();
      }
      return length;
    } catch (IOException | RuntimeException | Error e) {
      try {
        dir.delete(name);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private long writeRun(Run run) throws IOException {
    int size = run.size();
    for (int i = 0; i < size; i++) {
      int keyLength = run.keyLength(i);
      byte[] value = run.valueAt(i);
      int entryBytes = ENTRY_OVERHEAD + keyLength + (value == null ? 0 : value.length);
      if (blockStart >= 0 && buffer.position() - blockStart + entryBytes > BLOCK_BYTES) {
        sealBlock();
      }
      if (blockStart < 0) {
        startBlock(entryBytes);
      }
      buffer.putInt(keyLength);
      run.putKey(i, buffer);
      buffer.putLong(run.seqAt(i));
      long expireAt = run.expireAt(i);
      int flags = run.kindAt(i) | (expireAt != 0 ? RunFileFormat.FLAG_EXPIRES : 0);
      buffer.put((byte) flags);
      if (expireAt != 0) {
        buffer.putLong(expireAt);
      }
      if (value != null) {
        buffer.putInt(value.length);
        buffer.put(value);
      }
    }
    if (blockStart >= 0) {
      sealBlock();
    }
    return writeFooterAndTrailer(run);
  }

  /** Opens a block with room for {@code firstEntry} bytes and the block's checksum. */
  private void startBlock(int firstEntry) throws IOException {
    int needed = Math.max(BLOCK_BYTES, firstEntry) + BLOCK_CRC;
    if (buffer.remaining() < needed) {
      flush();
      if (buffer.capacity() < needed) {
        buffer = ByteBuffer.allocate(needed);
      }
    }
    if (blocks == blockOffsets.length) {
      blockOffsets = Arrays.copyOf(blockOffsets, blocks * 2);
    }
    blockOffsets[blocks++] = flushed + buffer.position();
    blockStart = buffer.position();
  }

  private void sealBlock() {
    crc.reset();
    crc.update(buffer.array(), blockStart, buffer.position() - blockStart);
    buffer.putInt((int) crc.getValue());
    blockStart = -1;
  }

  private void flush() throws IOException {
    buffer.flip();
    flushed += buffer.remaining();
    file.write(buffer);
    buffer.clear();
  }

  private long writeFooterAndTrailer(Run run) throws IOException {
    byte[] smallest = run.smallestKey();
    byte[] largest = run.largestKey();
    int footerBytes = 8 + 4 + 8 + 8 + 4 + length(smallest) + 4 + length(largest) + 4
        + 8 * blocks;
    if (buffer.remaining() < footerBytes + RunFileFormat.TRAILER) {
      flush();
      if (buffer.capacity() < footerBytes + RunFileFormat.TRAILER) {
        buffer = ByteBuffer.allocate(footerBytes + RunFileFormat.TRAILER);
      }
    }
    long footerOffset = flushed + buffer.position();
    int footerStart = buffer.position();
    buffer.putLong(run.id());
    buffer.putInt(run.size());
    buffer.putLong(run.minSeq());
    buffer.putLong(run.maxSeq());
    putBytes(smallest);
    putBytes(largest);
    buffer.putInt(blocks);
    for (int b = 0; b < blocks; b++) {
      buffer.putLong(blockOffsets[b]);
    }
    crc.reset();
    crc.update(buffer.array(), footerStart, footerBytes);
    int trailerStart = buffer.position();
    buffer.putLong(footerOffset);
    buffer.putInt(footerBytes);
    buffer.putInt((int) crc.getValue());
    buffer.putInt(RunFileFormat.VERSION);
    crc.reset();
    crc.update(buffer.array(), trailerStart, 20);
    buffer.putInt((int) crc.getValue());
    buffer.putLong(RunFileFormat.MAGIC);
    flush();
    return flushed;
  }

  private void putBytes(byte[] bytes) {
    if (bytes == null) {
      buffer.putInt(-1);
    } else {
      buffer.putInt(bytes.length);
      buffer.put(bytes);
    }
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
