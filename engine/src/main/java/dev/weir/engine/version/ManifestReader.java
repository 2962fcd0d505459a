package dev.weir.engine.version;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ReadableFile;
import dev.weir.engine.wal.LogFrame;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Replays a manifest into the state it describes. A torn tail, a last frame that is partial
 * or fails its checksum with no intact frame after it, is cut off and reported: {@link
 * ManifestWriter#append} returns only once its record is synced, so that record was never
 * acknowledged. Anything else wrong, a bad frame with an intact one after it, a record out of
 * number, one that does not decode or does not apply to the state, or a manifest that does not
 * start with a snapshot, is a {@link CorruptionException} naming the file and offset.
 */
public final class ManifestReader {

  private ManifestReader() {}

  /** Replays {@code name} in {@code dir}; reads the file, so call it where blocking is allowed. */
  public static ManifestReplay replay(Directory dir, String name) throws IOException {
    String file = dir.describe(name);
    ByteBuffer bytes = readAll(dir, name, file);
    ManifestState state = null;
    long records = 0;
    int pos = 0;
    while (pos < bytes.limit()) {
      String problem = LogFrame.problem(bytes, pos);
      if (problem != null) {
        if (LogFrame.validFrameAfter(bytes, pos, records)) {
          throw new CorruptionException(file, pos, problem + " before intact records");
        }
        ManifestReplay.TornTail tail =
            new ManifestReplay.TornTail(pos, bytes.limit() - pos, problem);
        return finish(file, state, records, tail);
      }
      long number = LogFrame.seq(bytes, pos);
      if (number != records + 1) {
        throw new CorruptionException(file, pos, "record number " + number + " where "
            + (records + 1) + " was expected");
      }
      try {
        ManifestRecord record = ManifestCodec.decode(LogFrame.payload(bytes, pos));
        if (state == null && !record.snapshot()) {
          throw new IllegalArgumentException("the first record is no snapshot");
        }
        state = state == null ? ManifestState.EMPTY.apply(record) : state.apply(record);
      } catch (IllegalArgumentException | BufferUnderflowException e) {
        throw new CorruptionException(file, pos, "a record that does not apply: " + e);
      }
      records++;
      pos += LogFrame.HEADER + LogFrame.payloadSize(bytes, pos);
    }
    return finish(file, state, records, null);
  }

  private static ManifestReplay finish(String file, ManifestState state, long records,
      ManifestReplay.TornTail tail) {
    if (state == null) {
      // a manifest is synced whole with its snapshot before CURRENT names it
      throw new CorruptionException(file, 0, "no intact snapshot record");
    }
    return new ManifestReplay(state, records, tail);
  }

  private static ByteBuffer readAll(Directory dir, String name, String file) throws IOException {
    try (ReadableFile in = dir.openForRead(name)) {
      long size = in.size();
      if (size > LogFrame.MAX_PAYLOAD) {
        throw new CorruptionException(file, 0, "a manifest of " + size + " bytes");
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      in.readFully(bytes, 0);
      return bytes.flip();
    }
  }
}
