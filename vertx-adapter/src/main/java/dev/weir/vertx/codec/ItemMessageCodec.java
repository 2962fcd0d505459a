package dev.weir.vertx.codec;

import dev.weir.table.Item;
import io.vertx.core.buffer.Buffer;

/** An item (a write's return value, a get's answer, an item of a query's stream). */
final class ItemMessageCodec extends BinaryCodec<Item> {

  ItemMessageCodec() {
    super("weir.item", Item.class);
  }

  @Override
  void write(Buffer b, Item item) {
    TableWire.writeItem(b, item);
  }

  @Override
  Item read(WireReader r) {
    return TableWire.readRequiredItem(r, "item");
  }
}
