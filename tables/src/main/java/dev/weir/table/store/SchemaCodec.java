package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.WeirException;
import dev.weir.engine.ErrorCode;
import dev.weir.table.AttributeType;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.StreamView;
import dev.weir.table.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The catalog's binary form of a {@link TableRecord}. Version 1; read as it was written. */
final class SchemaCodec {

  private static final int VERSION = 1;

  private SchemaCodec() {}

  static Bytes encode(TableRecord record) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      TableSchema schema = record.schema();
      out.writeByte(VERSION);
      out.writeInt(record.id());
      out.writeLong(record.createdAtEpochMillis());
      out.writeUTF(schema.name());
      writeKey(out, schema.key());
      out.writeByte(schema.indexes().size());
      for (SecondaryIndex index : schema.indexes()) {
        out.writeUTF(index.name());
        out.writeByte(index.kind().ordinal());
        writeKey(out, index.key());
        out.writeByte(index.projection().type().ordinal());
        out.writeShort(index.projection().include().size());
        for (String name : index.projection().include()) {
          out.writeUTF(name);
        }
      }
      out.writeBoolean(schema.ttlAttribute() != null);
      if (schema.ttlAttribute() != null) {
        out.writeUTF(schema.ttlAttribute());
      }
      out.writeByte(schema.streamView().ordinal());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return Bytes.wrap(buffer.toByteArray());
  }

  static TableRecord decode(Bytes bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new WeirException(ErrorCode.INTERNAL, "unknown table catalog version " + version);
      }
      int id = in.readInt();
      long createdAt = in.readLong();
      String name = in.readUTF();
      KeySchema key = readKey(in);
      int indexCount = in.readUnsignedByte();
      List<SecondaryIndex> indexes = new ArrayList<>(indexCount);
      for (int i = 0; i < indexCount; i++) {
        String indexName = in.readUTF();
        SecondaryIndex.Kind kind = SecondaryIndex.Kind.values()[in.readUnsignedByte()];
        KeySchema indexKey = readKey(in);
        Projection.Type type = Projection.Type.values()[in.readUnsignedByte()];
        int included = in.readUnsignedShort();
        Set<String> include = new LinkedHashSet<>();
        for (int n = 0; n < included; n++) {
          include.add(in.readUTF());
        }
        indexes.add(new SecondaryIndex(indexName, kind, indexKey, new Projection(type, include)));
      }
      String ttl = in.readBoolean() ? in.readUTF() : null;
      StreamView view = StreamView.values()[in.readUnsignedByte()];
      return new TableRecord(new TableSchema(name, key, indexes, ttl, view), id, createdAt);
    } catch (IOException | RuntimeException e) {
      if (e instanceof WeirException w) {
        throw w;
      }
      throw new WeirException(ErrorCode.INTERNAL, "unreadable table catalog entry", e);
    }
  }

  private static void writeKey(DataOutputStream out, KeySchema key) throws IOException {
    writeAttribute(out, key.partitionKey());
    out.writeBoolean(key.hasSortKey());
    if (key.hasSortKey()) {
      writeAttribute(out, key.sortKey());
    }
  }

  private static KeySchema readKey(DataInputStream in) throws IOException {
    KeyAttribute partition = readAttribute(in);
    return KeySchema.of(partition, in.readBoolean() ? readAttribute(in) : null);
  }

  private static void writeAttribute(DataOutputStream out, KeyAttribute attribute)
      throws IOException {
    out.writeUTF(attribute.name());
    out.writeByte(attribute.type().code());
  }

  private static KeyAttribute readAttribute(DataInputStream in) throws IOException {
    String name = in.readUTF();
    return new KeyAttribute(name, AttributeType.ofCode(in.readUnsignedByte()));
  }
}
