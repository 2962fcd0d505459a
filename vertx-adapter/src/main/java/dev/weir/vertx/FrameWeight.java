package dev.weir.vertx;

import dev.weir.table.Item;
import dev.weir.table.StreamRecord;
import dev.weir.table.codec.ItemSize;
import java.nio.ByteBuffer;

/**
 * What a stream item weighs against a frame's {@code maxFrameBytes}: object content by its
 * bytes, a table's item by its DynamoDB size (up to 400 KB each, so 128 of them could otherwise
 * make a 50 MB frame), a stream record by its images. Keys, entries and listings are bounded
 * small by the store and weigh nothing here, as before.
 */
final class FrameWeight {

  private FrameWeight() {}

  static long of(Object item) {
    if (item instanceof ByteBuffer buffer) {
      return buffer.remaining();
    }
    if (item instanceof Item i) {
      return ItemSize.of(i);
    }
    if (item instanceof StreamRecord r) {
      return size(r.keys()) + size(r.oldImage()) + size(r.newImage());
    }
    return 0;
  }

  private static long size(Item item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}
