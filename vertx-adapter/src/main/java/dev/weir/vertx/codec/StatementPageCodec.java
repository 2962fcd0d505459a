package dev.weir.vertx.codec;

import dev.weir.table.Item;
import dev.weir.table.partiql.StatementPage;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** One page of a statement's results: its items, then the next token (null: no more). */
final class StatementPageCodec extends BinaryCodec<StatementPage> {

  StatementPageCodec() {
    super("weir.statement-page", StatementPage.class);
  }

  @Override
  void write(Buffer b, StatementPage p) {
    TableWire.writeItems(b, p.items());
    WireWriter.writeString(b, p.nextToken());
  }

  @Override
  StatementPage read(WireReader r) {
    List<Item> items = TableWire.readItems(r);
    if (items == null || items.contains(null)) {
      throw WireReader.malformed("statement page items missing");
    }
    return new StatementPage(items, r.readString());
  }
}
