package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;
import dev.weir.table.StreamRecord;
import dev.weir.table.StreamView;

/**
 * The engine writes that turn one item from what is stored into what it becomes: the item
 * itself, each index entry that appears, moves or goes, the TTL schedule entry, and the stream
 * records. Pure: the same inputs plan the same writes, which all go in one atomic batch, so an
 * index never disagrees with its table.
 */
final class ChangePlanner {

  private static final Bytes NOTHING = Bytes.EMPTY;
  private static final Bytes TTL_REMOVAL_SUFFIX = Bytes.wrap(new byte[] {1});

  private ChangePlanner() {}

  /**
   * Plans the change of the item at {@code itemKey} from {@code stored} (null: none; it may
   * have expired, and then still holds index and TTL entries to remove) to {@code next} (null:
   * removed).
   */
  static void plan(
      TableFormat table, Bytes itemKey, Item stored, boolean storedExpired, Item next,
      boolean byTtl, EngineOps ops) {
    if (!storedExpired && (stored == null ? next == null : stored.equals(next))) {
      return; // DynamoDB writes no stream record for a write that changes nothing; nor do we
    }
    if (next != null) {
      ops.put(itemKey, table.storedValue(next));
    } else if (stored != null) {
      ops.delete(itemKey);
    }
    int indexes = table.schema().indexes().size();
    for (int i = 0; i < indexes; i++) {
      Bytes before = table.indexKey(i, stored, itemKey);
      Bytes after = table.indexKey(i, next, itemKey);
      boolean moved = before == null || !before.equals(after);
      if (before != null && moved) {
        ops.delete(before);
      }
      if (after != null && (moved || storedExpired || !table.sameIndexValue(i, stored, next))) {
        ops.put(after, table.indexValue(i, next));
      }
    }
    Bytes ttlBefore = stored == null ? null : table.ttlKey(stored);
    Bytes ttlAfter = next == null ? null : table.ttlKey(next);
    if (ttlBefore != null && !ttlBefore.equals(ttlAfter)) {
      ops.delete(ttlBefore);
    }
    if (ttlAfter != null && !ttlAfter.equals(ttlBefore)) {
      ops.put(ttlAfter, NOTHING);
    }
    planStream(table, itemKey, stored, storedExpired, next, byTtl, ops);
  }

  private static void planStream(
      TableFormat table, Bytes itemKey, Item stored, boolean storedExpired, Item next,
      boolean byTtl, EngineOps ops) {
    StreamView view = table.schema().streamView();
    if (view == StreamView.OFF) {
      return;
    }
    Bytes streamKey = table.keys().stream().concat(
        itemKey.slice(table.keys().items().length(),
            itemKey.length() - table.keys().items().length()));
    Item current = storedExpired ? null : stored;
    if (storedExpired && stored != null) {
      // the item expired before this write reached it: its removal by TTL comes first
      ops.log(streamKey.concat(TTL_REMOVAL_SUFFIX), StreamCodec.encode(
          StreamRecord.EventType.REMOVE, table.keyOf(stored), stored, null, true, view));
    }
    StreamRecord.EventType type;
    if (current == null) {
      if (next == null) {
        return;
      }
      type = StreamRecord.EventType.INSERT;
    } else {
      type = next == null ? StreamRecord.EventType.REMOVE : StreamRecord.EventType.MODIFY;
    }
    Item keys = table.keyOf(next != null ? next : current);
    ops.log(streamKey, StreamCodec.encode(type, keys, current, next, byTtl, view));
  }
}
