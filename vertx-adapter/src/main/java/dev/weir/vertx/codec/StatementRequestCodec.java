package dev.weir.vertx.codec;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.partiql.ExecuteOptions;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statement, the parameters (a list of items, each {@code {"v": value}} or null, so a value
 * travels in the tables' binary form), then the limit (a flag and an int) and the next token.
 */
final class StatementRequestCodec extends BinaryCodec<StatementRequest> {

  private static final String VALUE = "v";

  StatementRequestCodec() {
    super("weir.statement-request", StatementRequest.class);
  }

  @Override
  void write(Buffer b, StatementRequest m) {
    WireWriter.writeString(b, m.statement());
    List<Item> values = null;
    if (m.parameters() != null) {
      values = new ArrayList<>(m.parameters().size());
      for (AttributeValue p : m.parameters()) {
        values.add(p == null ? null : Item.of(Map.of(VALUE, p)));
      }
    }
    TableWire.writeItems(b, values);
    ExecuteOptions o = m.options() == null ? ExecuteOptions.NONE : m.options();
    WireWriter.writeBoolean(b, o.limit() != null);
    b.appendInt(o.limit() == null ? 0 : o.limit());
    WireWriter.writeString(b, o.nextToken());
  }

  @Override
  StatementRequest read(WireReader r) {
    String statement = r.readString();
    List<Item> values = TableWire.readItems(r);
    List<AttributeValue> parameters = null;
    if (values != null) {
      parameters = new ArrayList<>(values.size());
      for (Item v : values) {
        if (v != null && (v.attributes().size() != 1 || v.get(VALUE) == null)) {
          throw WireReader.malformed("statement parameter");
        }
        parameters.add(v == null ? null : v.get(VALUE));
      }
    }
    boolean limited = r.readBoolean();
    int limit = r.readInt();
    return new StatementRequest(statement, parameters,
        new ExecuteOptions(limited ? limit : null, r.readString()));
  }
}
