package dev.weir.engine.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a record sits in a log file, the write-ahead log's segments and the manifest alike
 * (LevelDB frames both with its one log format): a 16-byte header, then the payload.
 *
 * <pre>
 *   payload length  u32   bytes after the header, at least 4
 *   sequence        u64   the WAL's first sequence of the record; the manifest's record number
 *   checksum        u32   CRC32C of the two fields above and the payload
 *   payload
 * </pre>
 *
 * The checksum covers the length and the sequence too, so a flipped bit anywhere in a record
 * is caught. A zero length never frames a record, so zeros where a header should be mean the
 * file ends there (preallocated or torn). Sequences rise through a file, which is what tells
 * a torn tail from damage: see {@link #validFrameAfter}.
 */
public final class LogFrame {

  public static final int HEADER = 16;
  /** Keeps a frame's size an int with room to spare. */
  public static final int MAX_PAYLOAD = Integer.MAX_VALUE - 1024;
  private static final int MIN_PAYLOAD = 4;

  private LogFrame() {}

  /**
   * Fills in the header at {@code start} of the frame whose {@code payloadSize} bytes of
   * payload are already in place after it.
   */
  public static void seal(ByteBuffer buf, int start, int payloadSize, long seq) {
    buf.putInt(start, payloadSize);
    buf.putLong(start + 4, seq);
    buf.putInt(start + 12, checksum(buf, start, payloadSize));
  }

  /** The CRC32C of the frame at {@code start} in {@code buf}, its checksum field left out. */
  public static int checksum(ByteBuffer buf, int start, int payloadSize) {
    CRC32C crc = new CRC32C();
    crc.update(buf.duplicate().position(start).limit(start + 12));
    crc.update(buf.duplicate().position(start + HEADER).limit(start + HEADER + payloadSize));
    return (int) crc.getValue();
  }

  /** The payload length of the frame at {@code pos}. */
  public static int payloadSize(ByteBuffer bytes, int pos) {
    return bytes.getInt(pos);
  }

  /** The sequence of the frame at {@code pos}. */
  public static long seq(ByteBuffer bytes, int pos) {
    return bytes.getLong(pos + 4);
  }

  /** The payload of the frame at {@code pos}, a view of {@code bytes}. */
  public static ByteBuffer payload(ByteBuffer bytes, int pos) {
    return bytes.slice(pos + HEADER, payloadSize(bytes, pos));
  }

  /** Why the frame at {@code pos} is not whole and intact, or null when it is. */
  public static String problem(ByteBuffer bytes, int pos) {
    int left = bytes.limit() - pos;
    if (left < HEADER) {
      return "a partial header of " + left + " bytes";
    }
    int length = bytes.getInt(pos);
    if (length == 0) {
      return "zeros where a header should be";
    }
    if (length < MIN_PAYLOAD || length > left - HEADER) {
      return "a length of " + length + " with " + (left - HEADER) + " bytes left";
    }
    if (checksum(bytes, pos, length) != bytes.getInt(pos + 12)) {
      return "checksum mismatch";
    }
    return null;
  }

  /**
   * Whether a valid frame of a sequence above {@code lastSeq} starts after {@code pos}: if one
   * does, a bad frame at {@code pos} is damage, since a torn write only ever ends a file.
   */
  public static boolean validFrameAfter(ByteBuffer bytes, int pos, long lastSeq) {
    for (int p = pos + 1; p <= bytes.limit() - HEADER; p++) {
      int length = bytes.getInt(p);
      long seq = bytes.getLong(p + 4);
      if (length >= MIN_PAYLOAD && length <= bytes.limit() - p - HEADER && seq > lastSeq
          && checksum(bytes, p, length) == bytes.getInt(p + 12)) {
        return true;
      }
    }
    return false;
  }
}
