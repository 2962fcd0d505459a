package dev.weir.engine.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a record sits in a segment: a 16-byte header, then the payload.
 *
 * <pre>
 *   payload length  u32   bytes after the header
 *   first sequence  u64   the sequence of the record's first entry
 *   checksum        u32   CRC32C of the two fields above and the payload
 *   payload               {@link RecordCodec}
 * </pre>
 *
 * The checksum covers the length and the sequence too, so a flipped bit anywhere in a record
 * is caught. A zero length never frames a record (a payload holds at least its entry count),
 * so zeros where a header should be mean the file ends there (preallocated or torn).
 */
final class RecordFrame {

  static final int HEADER = 16;
  /** Keeps a frame's size an int with room to spare. */
  static final int MAX_PAYLOAD = Integer.MAX_VALUE - 1024;

  private RecordFrame() {}

  static int size(WalRecord record) {
    return HEADER + RecordCodec.payloadSize(record);
  }

  /** Writes {@code record}'s frame, whose size {@link #size} gave, at {@code out}'s position. */
  static void encode(WalRecord record, int payloadSize, ByteBuffer out) {
    int start = out.position();
    out.putInt(payloadSize);
    out.putLong(record.firstSeq());
    out.putInt(0); // the checksum, once the payload is in place
    RecordCodec.encode(record, out);
    out.putInt(start + 12, checksum(out, start, payloadSize));
  }

  /** The CRC32C of the frame at {@code start} in {@code buf}, its checksum field left out. */
  static int checksum(ByteBuffer buf, int start, int payloadSize) {
    CRC32C crc = new CRC32C();
    crc.update(buf.duplicate().position(start).limit(start + 12));
    crc.update(buf.duplicate().position(start + HEADER).limit(start + HEADER + payloadSize));
    return (int) crc.getValue();
  }
}
