package dev.weir.vertx.codec;

import dev.weir.table.Item;
import dev.weir.table.Page;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** One page of a query or scan: its items, how many were evaluated, the key to resume after. */
final class PageCodec extends BinaryCodec<Page> {

  PageCodec() {
    super("weir.page", Page.class);
  }

  @Override
  void write(Buffer b, Page p) {
    TableWire.writeItems(b, p.items());
    b.appendInt(p.scannedCount());
    TableWire.writeItem(b, p.lastEvaluatedKey());
  }

  @Override
  Page read(WireReader r) {
    List<Item> items = TableWire.readItems(r);
    if (items == null || items.contains(null)) {
      throw WireReader.malformed("page items missing");
    }
    return new Page(items, r.readInt(), TableWire.readItem(r));
  }
}
