package dev.weir.vertx.codec;

import dev.weir.table.AttributeType;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.StreamView;
import dev.weir.table.TableSchema;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table's schema on the wire: name, key, indexes (name, kind, key, projection), TTL attribute
 * and stream view. Decoding builds it through {@link TableSchema}'s own checks, so a forged
 * schema is refused exactly as a bad one built in code is.
 */
final class SchemaWire {

  /** DO NOT REORDER: positions are wire codes. */
  private static final StreamView[] VIEWS = {StreamView.OFF, StreamView.KEYS_ONLY,
      StreamView.NEW_IMAGE, StreamView.OLD_IMAGE, StreamView.NEW_AND_OLD_IMAGES};
  private static final SecondaryIndex.Kind[] KINDS =
      {SecondaryIndex.Kind.LOCAL, SecondaryIndex.Kind.GLOBAL};
  private static final Projection.Type[] PROJECTIONS =
      {Projection.Type.ALL, Projection.Type.KEYS_ONLY, Projection.Type.INCLUDE};

  private SchemaWire() {}

  static void write(Buffer b, TableSchema s) {
    WireWriter.writeString(b, s.name());
    writeKey(b, s.key());
    b.appendInt(s.indexes().size());
    for (SecondaryIndex index : s.indexes()) {
      WireWriter.writeString(b, index.name());
      TableWire.writeCode(b, KINDS, index.kind());
      writeKey(b, index.key());
      TableWire.writeCode(b, PROJECTIONS, index.projection().type());
      TableWire.writeStrings(b, List.copyOf(index.projection().include()));
    }
    WireWriter.writeString(b, s.ttlAttribute());
    TableWire.writeCode(b, VIEWS, s.streamView());
  }

  static TableSchema read(WireReader r) {
    String name = r.readRequiredString("table name");
    KeySchema key = readKey(r);
    int n = r.readCount(8);
    List<SecondaryIndex> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String indexName = r.readRequiredString("index name");
      SecondaryIndex.Kind kind = TableWire.readCode(r, KINDS, "index kind");
      KeySchema indexKey = readKey(r);
      Projection.Type type = TableWire.readCode(r, PROJECTIONS, "projection");
      Set<String> include = new LinkedHashSet<>(TableWire.readStrings(r));
      indexes.add(new SecondaryIndex(indexName, kind, indexKey, new Projection(type, include)));
    }
    String ttl = r.readString();
    StreamView view = TableWire.readCode(r, VIEWS, "stream view");
    return new TableSchema(name, key, indexes, ttl, view);
  }

  private static void writeKey(Buffer b, KeySchema key) {
    writeAttribute(b, key.partitionKey());
    WireWriter.writeBoolean(b, key.hasSortKey());
    if (key.hasSortKey()) {
      writeAttribute(b, key.sortKey());
    }
  }

  private static KeySchema readKey(WireReader r) {
    KeyAttribute partition = readAttribute(r);
    return KeySchema.of(partition, r.readBoolean() ? readAttribute(r) : null);
  }

  private static void writeAttribute(Buffer b, KeyAttribute a) {
    WireWriter.writeString(b, a.name());
    b.appendByte((byte) a.type().code());
  }

  private static KeyAttribute readAttribute(WireReader r) {
    String name = r.readRequiredString("key attribute name");
    return new KeyAttribute(name, AttributeType.ofCode(r.readByte()));
  }
}
