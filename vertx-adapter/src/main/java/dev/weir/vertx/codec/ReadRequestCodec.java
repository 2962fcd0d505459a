package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

/** The table, then what follows (DO NOT CHANGE the codes): the query, the scan, or nothing. */
final class ReadRequestCodec extends BinaryCodec<ReadRequest> {

  private static final byte NONE = 0;
  private static final byte QUERY = 1;
  private static final byte SCAN = 2;

  ReadRequestCodec() {
    super("weir.read-request", ReadRequest.class);
  }

  @Override
  void write(Buffer b, ReadRequest m) {
    WireWriter.writeString(b, m.table());
    if (m.query() != null) {
      b.appendByte(QUERY);
      OptionsWire.writeQuery(b, m.query());
    } else if (m.scan() != null) {
      b.appendByte(SCAN);
      OptionsWire.writeScan(b, m.scan());
    } else {
      b.appendByte(NONE); // the table refuses it
    }
  }

  @Override
  ReadRequest read(WireReader r) {
    String table = r.readString();
    switch (r.readByte()) {
      case QUERY:
        return new ReadRequest(table, OptionsWire.readQuery(r), null);
      case SCAN:
        return new ReadRequest(table, null, OptionsWire.readScan(r));
      case NONE:
        return new ReadRequest(table, null, null);
      default:
        throw WireReader.malformed("read kind");
    }
  }
}
