package dev.weir.vertx.codec;

import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.WriteOptions;

/**
 * A request about one item of {@code table}, whose fields the address gives a meaning: {@code
 * item} is the item to put or the key to get, update or delete; {@code update} an update
 * expression's text; {@code write} and {@code get} the options (null: none). The table, not the
 * bus, refuses a bad argument.
 */
public record ItemRequest(String table, Item item, String update, WriteOptions write,
    GetOptions get) implements WireText {

  public static ItemRequest write(String table, Item item, WriteOptions options) {
    return new ItemRequest(table, item, null, options, null);
  }

  public static ItemRequest update(String table, Item key, String update, WriteOptions options) {
    return new ItemRequest(table, key, update, options, null);
  }

  public static ItemRequest get(String table, Item key, GetOptions options) {
    return new ItemRequest(table, key, null, null, options);
  }

  @Override
  public void checkText() {
    WireText.check("table", table);
    WireText.check("update expression", update);
    TableWire.checkItem("item", item);
  }
}
