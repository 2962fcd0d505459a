package dev.weir.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model of one table, as simple as it can be: the items written, by key, and from them what
 * every read must show at a given second, computed afresh each time: the live items (those not
 * past their TTL) in key order, and each index's entries (exactly the live items having the
 * index's key attributes, with the projection's attributes, in index key order). Owned by one
 * test thread.
 */
final class ItemModel {

  private final TableSchema schema;
  private final Map<Item, Item> stored = new HashMap<>();

  ItemModel(TableSchema schema) {
    this.schema = schema;
  }

  TableSchema schema() {
    return schema;
  }

  Item keyOf(Item item) {
    return only(item, keyNames(schema.key()));
  }

  /** The item under {@code key} as a write or read sees it at {@code now}: null if expired. */
  Item live(Item key, long now) {
    Item item = stored.get(key);
    return item == null || expired(item, now) ? null : item;
  }

  /** Records what a successful write left under {@code key} (null: no item). */
  void write(Item key, Item itemOrNull) {
    if (itemOrNull == null) {
      stored.remove(key);
    } else {
      stored.put(key, itemOrNull);
    }
  }

  /** The live items in primary key order. */
  List<Item> liveItems(long now) {
    List<Item> live = new ArrayList<>();
    for (Item item : stored.values()) {
      if (!expired(item, now)) {
        live.add(item);
      }
    }
    live.sort(keyOrder(List.of(schema.key())));
    return live;
  }

  /** The entries of {@code index} at {@code now}, in index key order then primary key order. */
  List<Item> indexEntries(SecondaryIndex index, long now) {
    Set<String> projected = new LinkedHashSet<>(keyNames(schema.key()));
    projected.addAll(keyNames(index.key()));
    projected.addAll(index.projection().include());
    List<Item> entries = new ArrayList<>();
    for (Item item : liveItems(now)) {
      if (!item.contains(index.key().partitionKey().name())
          || (index.key().hasSortKey() && !item.contains(index.key().sortKey().name()))) {
        continue; // sparse: no index key, no entry
      }
      entries.add(index.projection().type() == Projection.Type.ALL ? item
          : only(item, projected));
    }
    entries.sort(keyOrder(List.of(index.key(), schema.key())));
    return entries;
  }

  /** Whether {@code item} is past its TTL at second {@code now}: its TTL second is over. */
  boolean expired(Item item, long now) {
    String ttl = schema.ttlAttribute();
    if (ttl == null || !(item.get(ttl) instanceof AttributeValue.NumberValue n)) {
      return false;
    }
    BigDecimal seconds = n.value().setScale(0, RoundingMode.FLOOR);
    return BigDecimal.valueOf(now).compareTo(seconds) > 0;
  }

  static Item only(Item item, Set<String> names) {
    Item.Builder b = Item.builder();
    item.attributes().forEach((name, value) -> {
      if (names.contains(name)) {
        b.attribute(name, value);
      }
    });
    return b.build();
  }

  static Set<String> keyNames(KeySchema key) {
    Set<String> names = new LinkedHashSet<>();
    names.add(key.partitionKey().name());
    if (key.hasSortKey()) {
      names.add(key.sortKey().name());
    }
    return names;
  }

  /** Orders items by the attributes of {@code keys} in turn, each by DynamoDB's value order. */
  private static Comparator<Item> keyOrder(List<KeySchema> keys) {
    Comparator<Item> order = (a, b) -> 0;
    for (KeySchema key : keys) {
      for (String name : keyNames(key)) {
        order = order.thenComparing(item -> item.get(name), ItemModel::compareKeyValues);
      }
    }
    return order;
  }

  private static int compareKeyValues(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.StringValue x && b instanceof AttributeValue.StringValue y) {
      return StringRules.compareCodePoints(x.value(), y.value());
    }
    if (a instanceof AttributeValue.NumberValue x && b instanceof AttributeValue.NumberValue y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.BinaryValue x && b instanceof AttributeValue.BinaryValue y) {
      return x.value().compareTo(y.value());
    }
    throw new AssertionError("key values of different types: " + a + ", " + b);
  }
}
