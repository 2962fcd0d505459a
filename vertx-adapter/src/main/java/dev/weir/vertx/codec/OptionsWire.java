package dev.weir.vertx.codec;

import dev.weir.table.GetOptions;
import dev.weir.table.Query;
import dev.weir.table.ReadSpec;
import dev.weir.table.ReturnValues;
import dev.weir.table.Scan;
import dev.weir.table.WriteOptions;
import dev.weir.table.expression.Placeholders;
import io.vertx.core.buffer.Buffer;

/**
 * The options of table requests on the wire. An expression travels as its text (a parsed one
 * as the text it was parsed from, which {@code toString} keeps), so the service parses it once
 * per distinct text in its own cache; decoding rebuilds each request through its public
 * builder, whose checks a forged message cannot skip.
 */
final class OptionsWire {

  /** DO NOT REORDER: positions are wire codes. */
  private static final ReturnValues[] RETURN_VALUES = {ReturnValues.NONE, ReturnValues.ALL_OLD,
      ReturnValues.UPDATED_OLD, ReturnValues.ALL_NEW, ReturnValues.UPDATED_NEW};

  private OptionsWire() {}

  /** The text of an expression given as text or parsed, or null when there is none. */
  static String text(String text, Object parsed) {
    return text != null ? text : parsed == null ? null : parsed.toString();
  }

  // ------------------------------------------------------------------ writes and gets

  static void writeWriteOptions(Buffer b, WriteOptions o) {
    WireWriter.writeBoolean(b, o != null);
    if (o == null) {
      return;
    }
    WireWriter.writeString(b, text(o.conditionText(), o.condition()));
    TableWire.writePlaceholders(b, o.placeholders());
    TableWire.writeCode(b, RETURN_VALUES, o.returnValues());
    WireWriter.writeBoolean(b, o.returnOldOnConditionFailure());
  }

  static WriteOptions readWriteOptions(WireReader r) {
    if (!r.readBoolean()) {
      return null;
    }
    String condition = r.readString();
    Placeholders p = TableWire.readPlaceholders(r);
    WriteOptions.Builder o = WriteOptions.builder().names(p.names()).values(p.values())
        .returnValues(TableWire.readCode(r, RETURN_VALUES, "return values"))
        .returnOldOnConditionFailure(r.readBoolean());
    if (condition != null) {
      o.condition(condition);
    }
    return o.build();
  }

  static void writeGetOptions(Buffer b, GetOptions o) {
    WireWriter.writeBoolean(b, o != null);
    if (o != null) {
      WireWriter.writeString(b, text(o.projectionText(), o.projection()));
      WireWriter.writeStringMap(b, o.placeholders().names());
    }
  }

  static GetOptions readGetOptions(WireReader r) {
    if (!r.readBoolean()) {
      return null;
    }
    String projection = r.readString();
    GetOptions.Builder o = GetOptions.builder().names(r.readStringMap());
    if (projection != null) {
      o.projection(projection);
    }
    return o.build();
  }

  // ------------------------------------------------------------------ queries and scans

  static void writeQuery(Buffer b, Query q) {
    WireWriter.writeString(b, text(q.keyConditionText(), q.keyCondition()));
    WireWriter.writeBoolean(b, q.isForward());
    writeSpec(b, q.spec());
  }

  static Query readQuery(WireReader r) {
    Query.Builder q = Query.builder()
        .keyCondition(r.readRequiredString("key condition"))
        .forward(r.readBoolean());
    return readSpec(r, q).build();
  }

  static void writeScan(Buffer b, Scan s) {
    b.appendInt(s.segment()).appendInt(s.totalSegments());
    writeSpec(b, s.spec());
  }

  static Scan readScan(WireReader r) {
    Scan.Builder s = Scan.builder();
    s.segment(r.readInt(), r.readInt());
    return readSpec(r, s).build();
  }

  private static void writeSpec(Buffer b, ReadSpec s) {
    WireWriter.writeString(b, s.indexName());
    WireWriter.writeString(b, text(s.filterText(), s.filter()));
    WireWriter.writeString(b, text(s.projectionText(), s.projection()));
    TableWire.writePlaceholders(b, s.placeholders());
    b.appendInt(s.limit());
    TableWire.writeItem(b, s.exclusiveStartKey());
  }

  private static <B extends ReadSpec.Builder<B>> B readSpec(WireReader r, B b) {
    String index = r.readString();
    String filter = r.readString();
    String projection = r.readString();
    Placeholders p = TableWire.readPlaceholders(r);
    int limit = r.readInt();
    b.names(p.names()).values(p.values()).exclusiveStartKey(TableWire.readItem(r));
    if (index != null) {
      b.index(index);
    }
    if (filter != null) {
      b.filter(filter);
    }
    if (projection != null) {
      b.projection(projection);
    }
    if (limit != ReadSpec.NO_LIMIT) {
      b.limit(limit);
    }
    return b;
  }
}
