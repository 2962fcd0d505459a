package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;
import java.util.List;

final class ItemListCodec extends BinaryCodec<ItemList> {

  ItemListCodec() {
    super("weir.item-list", ItemList.class);
  }

  @Override
  void write(Buffer b, ItemList m) {
    TableWire.writeItems(b, m.items());
  }

  @Override
  ItemList read(WireReader r) {
    List<dev.weir.table.Item> items = TableWire.readItems(r);
    if (items == null) {
      throw WireReader.malformed("item list missing");
    }
    return new ItemList(items);
  }
}
