package dev.weir.vertx.codec;

import dev.weir.table.TableSchema;
import io.vertx.core.buffer.Buffer;

/** A table to create; see {@link SchemaWire}. */
final class TableSchemaCodec extends BinaryCodec<TableSchema> {

  TableSchemaCodec() {
    super("weir.table-schema", TableSchema.class);
  }

  @Override
  void write(Buffer b, TableSchema s) {
    SchemaWire.write(b, s);
  }

  @Override
  TableSchema read(WireReader r) {
    return SchemaWire.read(r);
  }
}
