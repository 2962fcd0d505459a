package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;

final class ItemRequestCodec extends BinaryCodec<ItemRequest> {

  ItemRequestCodec() {
    super("weir.item-request", ItemRequest.class);
  }

  @Override
  void write(Buffer b, ItemRequest m) {
    WireWriter.writeString(b, m.table());
    TableWire.writeItem(b, m.item());
    WireWriter.writeString(b, m.update());
    OptionsWire.writeWriteOptions(b, m.write());
    OptionsWire.writeGetOptions(b, m.get());
  }

  @Override
  ItemRequest read(WireReader r) {
    return new ItemRequest(r.readString(), TableWire.readItem(r), r.readString(),
        OptionsWire.readWriteOptions(r), OptionsWire.readGetOptions(r));
  }
}
