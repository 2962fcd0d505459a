package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

/** A table's name, an item of the table listing; travels only inside stream frames. */
final class TableNameCodec extends BinaryCodec<String> {

  TableNameCodec() {
    super("weir.table-name", String.class);
  }

  @Override
  void write(Buffer b, String name) {
    WireWriter.writeString(b, name);
  }

  @Override
  String read(WireReader r) {
    return r.readRequiredString("table name");
  }
}
