package dev.weir.vertx.codec;

import dev.weir.table.KeyRef;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteRequest;
import java.util.List;

/**
 * A batch or transaction over tables: the writes of a batch write, the keys of a batch or
 * transactional get, or the items of a transaction; the address says which list it carries
 * (the others are null). {@code table} names the table when the batch is one table's ({@code
 * Table.batchGet}, {@code Table.batchWrite}). The store refuses a bad list, not the bus.
 */
public record TableBatch(String table, List<WriteRequest> writes, List<KeyRef> keys,
    List<TransactWriteItem> transact) implements WireText {

  public static TableBatch writes(String table, List<WriteRequest> writes) {
    return new TableBatch(table, writes, null, null);
  }

  public static TableBatch keys(String table, List<KeyRef> keys) {
    return new TableBatch(table, null, keys, null);
  }

  public static TableBatch transact(List<TransactWriteItem> items) {
    return new TableBatch(null, null, null, items);
  }

  @Override
  public void checkText() {
    WireText.check("table", table);
    if (writes != null) {
      for (WriteRequest w : writes) {
        if (w != null) {
          WireText.check("table", w.table());
          TableWire.checkItem("item", w.item());
        }
      }
    }
    if (keys != null) {
      for (KeyRef k : keys) {
        if (k != null) {
          WireText.check("table", k.table());
          TableWire.checkItem("key", k.key());
        }
      }
    }
    if (transact != null) {
      for (TransactWriteItem t : transact) {
        if (t != null) {
          WireText.check("table", t.table());
          WireText.check("update expression", t.updateText());
          TableWire.checkItem("item", t.item());
        }
      }
    }
  }
}
