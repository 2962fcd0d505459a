package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.table.Item;
import dev.weir.table.StreamRecord;
import dev.weir.table.StreamView;
import dev.weir.table.codec.ItemCodec;
import java.nio.ByteBuffer;

/**
 * A stream record as a log record's value: event type, whether TTL removed the item, then the
 * keys and the images the table's stream view keeps, each an encoded item with its length.
 * The sequence is not in the value: it is the log record's own, given by the engine at commit.
 */
final class StreamCodec {

  private static final int BY_TTL = 1;
  private static final int HAS_OLD = 2;
  private static final int HAS_NEW = 4;

  private StreamCodec() {}

  static Bytes encode(
      StreamRecord.EventType type, Item keys, Item oldImage, Item newImage, boolean byTtl,
      StreamView view) {
    byte[] k = ItemCodec.encode(keys);
    byte[] o = view.carriesOld() && oldImage != null ? ItemCodec.encode(oldImage) : null;
    byte[] n = view.carriesNew() && newImage != null ? ItemCodec.encode(newImage) : null;
    int size = 2 + 4 + k.length + (o == null ? 0 : 4 + o.length) + (n == null ? 0 : 4 + n.length);
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put((byte) type.ordinal());
    b.put((byte) ((byTtl ? BY_TTL : 0) | (o != null ? HAS_OLD : 0) | (n != null ? HAS_NEW : 0)));
    b.putInt(k.length).put(k);
    if (o != null) {
      b.putInt(o.length).put(o);
    }
    if (n != null) {
      b.putInt(n.length).put(n);
    }
    return Bytes.wrap(b.array());
  }

  static StreamRecord decode(long sequence, Bytes value) {
    try {
      ByteBuffer b = ByteBuffer.wrap(value.toByteArray());
      StreamRecord.EventType type = StreamRecord.EventType.values()[b.get()];
      int flags = b.get();
      Item keys = next(b);
      Item oldImage = (flags & HAS_OLD) != 0 ? next(b) : null;
      Item newImage = (flags & HAS_NEW) != 0 ? next(b) : null;
      return new StreamRecord(sequence, type, keys, oldImage, newImage, (flags & BY_TTL) != 0);
    } catch (RuntimeException e) {
      throw new WeirException(ErrorCode.INTERNAL, "unreadable stream record " + sequence, e);
    }
  }

  private static Item next(ByteBuffer b) {
    int length = b.getInt();
    Item item = ItemCodec.decode(b.array(), b.position(), length);
    b.position(b.position() + length);
    return item;
  }
}
