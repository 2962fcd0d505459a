package dev.weir.engine.run;

import static dev.weir.engine.run.RunFileFormat.BLOCK_CRC;
import static dev.weir.engine.run.RunFileFormat.TRAILER;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ReadableFile;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a run file ({@link RunFileFormat}) back into a {@link Run} equal to the one written,
 * its bloom filter rebuilt. Everything is checked before it is trusted: the trailer's magic,
 * version and checksum, the footer's checksum, every block's checksum, and at the end that the
 * entries match the footer's count, sequences and keys. Any mismatch, and a file cut short, is
 * a {@link CorruptionException} naming the file and the offset of the damaged part.
 *
 * <p>Blocks are read a few megabytes at a time into one buffer; each call owns its buffer, and
 * the calling thread may block on the disk.
 */
public final class RunFileReader {

  private static final int CHUNK_BYTES = 4 << 20;

  private final ReadableFile file;
  private final String name;
  private final CRC32C crc = new CRC32C();

  private RunFileReader(ReadableFile file, String name) {
    this.file = file;
    this.name = name;
  }

  /**
   * Reads the run in {@code name}; its bloom filter gets {@code bitsPerKey} and counts into
   * {@code bloomStats}. The run keeps the id written in the file.
   */
  public static Run read(Directory dir, String name, int bitsPerKey, Run.BloomStats bloomStats)
      throws IOException {
    try (ReadableFile file = dir.openForRead(name)) {
      return new RunFileReader(file, dir.describe(name)).readRun(bitsPerKey, bloomStats);
    }
  }

  /** What the footer says. */
  private record Footer(long runId, int count, long minSeq, long maxSeq, byte[] smallest,
      byte[] largest, long[] blockOffsets, long offset) {}

  private Run readRun(int bitsPerKey, Run.BloomStats bloomStats) throws IOException {
    Footer footer = readFooter(file.size());
    RunBuilder builder = new RunBuilder(bitsPerKey, bloomStats, footer.count);
    long[] offsets = footer.blockOffsets;
    ByteBuffer chunk = ByteBuffer.allocate(0);
    long chunkStart = 0;
    for (int b = 0; b < offsets.length; b++) {
      long start = offsets[b];
      long end = b + 1 < offsets.length ? offsets[b + 1] : footer.offset;
      if (end - start < BLOCK_CRC) {
        throw corrupt(start, "a block of " + (end - start) + " bytes");
      }
      if (end > chunkStart + chunk.limit()) {
        chunkStart = start;
        chunk = readChunk(chunk, start, end, footer.offset);
      }
      int at = (int) (start - chunkStart);
      int length = (int) (end - start) - BLOCK_CRC;
      crc.reset();
      crc.update(chunk.array(), at, length);
      if ((int) crc.getValue() != chunk.getInt(at + length)) {
        throw corrupt(start, "block checksum mismatch");
      }
      decodeBlock(chunk.duplicate().position(at).limit(at + length), start, builder);
    }
    if (builder.size() != footer.count) {
      throw corrupt(footer.offset, "the footer counts " + footer.count + " entries, the blocks "
          + "hold " + builder.size());
    }
    Run run = builder.build(footer.runId);
    if (run.minSeq() != footer.minSeq || run.maxSeq() != footer.maxSeq
        || !Arrays.equals(run.smallestKey(), footer.smallest)
        || !Arrays.equals(run.largestKey(), footer.largest)) {
      throw corrupt(footer.offset, "the entries do not match the footer's sequences or keys");
    }
    return run;
  }

  /**
   * Reads from {@code start} at least up to {@code end}, and on to the footer as far as a
   * chunk goes; reuses {@code old}'s array when it is large enough.
   */
  private ByteBuffer readChunk(ByteBuffer old, long start, long end, long footerOffset)
      throws IOException {
    int length = (int) Math.max(end - start, Math.min(CHUNK_BYTES, footerOffset - start));
    ByteBuffer chunk = old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
    chunk.limit(length);
    file.readFully(chunk, start);
    return chunk.flip();
  }

  private void decodeBlock(ByteBuffer in, long blockOffset, RunBuilder builder) {
    try {
      while (in.hasRemaining()) {
        byte[] key = bytes(in, in.getInt());
        long seq = in.getLong();
        int flags = in.get() & 0xFF;
        if ((flags & ~(RunFileFormat.FLAG_KIND | RunFileFormat.FLAG_EXPIRES)) != 0) {
          throw corrupt(blockOffset, "unknown entry flags " + flags);
        }
        long expireAt = (flags & RunFileFormat.FLAG_EXPIRES) != 0 ? in.getLong() : 0;
        byte kind = (byte) (flags & RunFileFormat.FLAG_KIND);
        byte[] value = kind == ValueKind.PUT ? bytes(in, in.getInt()) : null;
        builder.add(key, seq, kind, value, expireAt);
      }
    } catch (BufferUnderflowException | IllegalArgumentException | IllegalStateException e) {
      // the checksum matched, so the writer wrote this: still no reason to load it
      throw corrupt(blockOffset, "a malformed block: " + e);
    }
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("a length of " + length);
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private Footer readFooter(long size) throws IOException {
    if (size < TRAILER) {
      throw corrupt(0, "a file of " + size + " bytes is shorter than a run file's trailer");
    }
    ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
    file.readFully(trailer, size - TRAILER);
    long trailerAt = size - TRAILER;
    if (trailer.getLong(24) != RunFileFormat.MAGIC) {
      throw corrupt(size - 8, "no run file's magic number (truncated, or not a run file)");
    }
    crc.reset();
    crc.update(trailer.array(), 0, 20);
    if ((int) crc.getValue() != trailer.getInt(20)) {
      throw corrupt(trailerAt, "trailer checksum mismatch");
    }
    int version = trailer.getInt(16);
    if (version != RunFileFormat.VERSION) {
      throw corrupt(trailerAt + 16, "unknown format version " + version);
    }
    long footerOffset = trailer.getLong(0);
    int footerLength = trailer.getInt(8);
    if (footerOffset < 0 || footerLength < 0 || footerOffset + footerLength != trailerAt) {
      throw corrupt(trailerAt, "a footer of " + footerLength + " bytes at " + footerOffset
          + " does not end where the trailer starts");
    }
    ByteBuffer footer = ByteBuffer.allocate(footerLength);
    file.readFully(footer, footerOffset);
    crc.reset();
    crc.update(footer.array(), 0, footerLength);
    if ((int) crc.getValue() != trailer.getInt(12)) {
      throw corrupt(footerOffset, "footer checksum mismatch");
    }
    try {
      footer.flip();
      long runId = footer.getLong();
      int count = footer.getInt();
      long minSeq = footer.getLong();
      long maxSeq = footer.getLong();
      byte[] smallest = optionalBytes(footer);
      byte[] largest = optionalBytes(footer);
      int blocks = footer.getInt();
      if (count < 0 || blocks < 0 || blocks > footer.remaining() / 8 || blocks > count) {
        throw corrupt(footerOffset, count + " entries in " + blocks + " blocks");
      }
      long[] offsets = new long[blocks];
      for (int b = 0; b < blocks; b++) {
        offsets[b] = footer.getLong();
        long floor = b == 0 ? 0 : offsets[b - 1] + BLOCK_CRC;
        if (b == 0 ? offsets[b] != 0 : offsets[b] < floor || offsets[b] > footerOffset) {
          throw corrupt(footerOffset, "block " + b + " at offset " + offsets[b]);
        }
      }
      if (footer.hasRemaining() || (blocks == 0 && footerOffset != 0)) {
        throw corrupt(footerOffset, "a footer that does not describe the file");
      }
      return new Footer(runId, count, minSeq, maxSeq, smallest, largest, offsets, footerOffset);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw corrupt(footerOffset, "a malformed footer: " + e);
    }
  }

  private static byte[] optionalBytes(ByteBuffer in) {
    int length = in.getInt();
    return length == -1 ? null : bytes(in, length);
  }

  private CorruptionException corrupt(long offset, String why) {
    return new CorruptionException(name, offset, why);
  }
}
