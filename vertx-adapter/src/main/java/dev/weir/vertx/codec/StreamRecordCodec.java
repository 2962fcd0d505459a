package dev.weir.vertx.codec;

import dev.weir.table.StreamRecord;
import dev.weir.table.StreamRecord.EventType;
import io.vertx.core.buffer.Buffer;

/** An item of a table's stream; travels only inside stream frames. */
final class StreamRecordCodec extends BinaryCodec<StreamRecord> {

  /** DO NOT REORDER: positions are wire codes. */
  private static final EventType[] EVENTS = {EventType.INSERT, EventType.MODIFY, EventType.REMOVE};

  StreamRecordCodec() {
    super("weir.stream-record", StreamRecord.class);
  }

  @Override
  void write(Buffer b, StreamRecord s) {
    b.appendLong(s.sequence());
    TableWire.writeCode(b, EVENTS, s.eventType());
    TableWire.writeItem(b, s.keys());
    TableWire.writeItem(b, s.oldImage());
    TableWire.writeItem(b, s.newImage());
    WireWriter.writeBoolean(b, s.removedByTtl());
  }

  @Override
  StreamRecord read(WireReader r) {
    return new StreamRecord(r.readLong(), TableWire.readCode(r, EVENTS, "event type"),
        TableWire.readRequiredItem(r, "keys"), TableWire.readItem(r), TableWire.readItem(r),
        r.readBoolean());
  }
}
