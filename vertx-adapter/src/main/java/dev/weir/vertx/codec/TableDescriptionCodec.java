package dev.weir.vertx.codec;

import dev.weir.table.TableDescription;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A table as it is now: its schema, its counts and sizes, when it was created. */
final class TableDescriptionCodec extends BinaryCodec<TableDescription> {

  TableDescriptionCodec() {
    super("weir.table-description", TableDescription.class);
  }

  @Override
  void write(Buffer b, TableDescription d) {
    SchemaWire.write(b, d.schema());
    b.appendLong(d.itemCount()).appendLong(d.sizeBytes()).appendLong(d.createdAtEpochMillis());
    Map<String, Long> counts = new TreeMap<>(d.indexItemCounts());
    b.appendInt(counts.size());
    counts.forEach((index, count) -> {
      WireWriter.writeString(b, index);
      b.appendLong(count);
    });
  }

  @Override
  TableDescription read(WireReader r) {
    var schema = SchemaWire.read(r);
    long items = r.readLong();
    long bytes = r.readLong();
    long created = r.readLong();
    int n = r.readCount(12);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      counts.put(r.readRequiredString("index name"), r.readLong());
    }
    return new TableDescription(schema, items, bytes, counts, created);
  }
}
