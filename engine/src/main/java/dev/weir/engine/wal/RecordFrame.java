package dev.weir.engine.wal;

import java.nio.ByteBuffer;

/**
 * A WAL record as a {@link LogFrame}: the frame's sequence is the record's first sequence, its
 * payload the {@link RecordCodec}'s encoding.
 */
final class RecordFrame {

  static final int HEADER = LogFrame.HEADER;
  static final int MAX_PAYLOAD = LogFrame.MAX_PAYLOAD;

  private RecordFrame() {}

  static int size(WalRecord record) {
    return HEADER + RecordCodec.payloadSize(record);
  }

  /** Writes {@code record}'s frame, whose size {@link #size} gave, at {@code out}'s position. */
  static void encode(WalRecord record, int payloadSize, ByteBuffer out) {
    int start = out.position();
    out.position(start + HEADER);
    RecordCodec.encode(record, out);
    LogFrame.seal(out, start, payloadSize, record.firstSeq());
  }
}
