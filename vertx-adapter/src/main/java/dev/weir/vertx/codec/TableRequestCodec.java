package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class TableRequestCodec extends BinaryCodec<TableRequest> {

  TableRequestCodec() {
    super("weir.table-request", TableRequest.class);
  }

  @Override
  void write(Buffer b, TableRequest m) {
    WireWriter.writeString(b, m.table());
    b.appendLong(m.sequence());
  }

  @Override
  TableRequest read(WireReader r) {
    return new TableRequest(r.readString(), r.readLong());
  }
}
