package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.codec.ItemSize;
import dev.weir.table.codec.KeyBuilder;
import dev.weir.table.codec.KeyCodec;

/**
 * Where a table's keys live in the engine. Every table has its own key space, and each of its
 * indexes, its TTL schedule and its stream have one beside it, all under the table's id:
 *
 * <pre>
 *   \0 t c name                      catalog entry of table "name" (a TableRecord)
 *   \0 t n                           the last table id handed out
 *   \0 T id4 i  pk [sk]              an item (its value: the non-key attributes)
 *   \0 T id4 x n  ipk [isk] pk [sk]  index n's entry (its value: expiry, projected attributes)
 *   \0 T id4 e  expiry8 pk [sk]      TTL schedule: the item expires at that epoch second
 *   \0 T id4 s  pk [sk]              stream log records (in the change feed only, never stored)
 * </pre>
 *
 * Key values are encoded by {@link KeyCodec}, order-preserving and self-delimiting, so a
 * partition's items are one contiguous range in sort key order. Immutable.
 */
final class TableKeys {

  static final Bytes CATALOG = Bytes.wrap(new byte[] {0, 't', 'c'});
  static final Bytes LAST_ID = Bytes.wrap(new byte[] {0, 't', 'n'});
  private static final byte[] DATA = {0, 'T'};

  /** DynamoDB's bounds on key values: 2048 bytes for a partition key, 1024 for a sort key. */
  static final int MAX_PARTITION_KEY_BYTES = 2048;

  static final int MAX_SORT_KEY_BYTES = 1024;

  private final Bytes table;
  private final Bytes items;
  private final Bytes ttl;
  private final Bytes stream;
  private final Bytes[] indexes;

  TableKeys(int id, int indexCount) {
    byte[] prefix = {DATA[0], DATA[1], (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8),
        (byte) id};
    this.table = Bytes.wrap(prefix);
    this.items = section('i');
    this.ttl = section('e');
    this.stream = section('s');
    this.indexes = new Bytes[indexCount];
    for (int i = 0; i < indexCount; i++) {
      indexes[i] = section('x').concat(Bytes.wrap(new byte[] {(byte) i}));
    }
  }

  private Bytes section(char tag) {
    return table.concat(Bytes.wrap(new byte[] {(byte) tag}));
  }

  static Bytes catalogKey(String tableName) {
    return CATALOG.concat(Bytes.utf8(tableName));
  }

  /** Everything the table holds: items, index entries, TTL schedule. */
  Bytes table() {
    return table;
  }

  Bytes items() {
    return items;
  }

  Bytes index(int ordinal) {
    return indexes[ordinal];
  }

  Bytes ttl() {
    return ttl;
  }

  Bytes stream() {
    return stream;
  }

  /** The engine key of the item {@code item} (which holds at least its key attributes). */
  Bytes itemKey(KeySchema key, Item item) {
    KeyBuilder k = new KeyBuilder().append(items);
    appendPrimaryKey(k, key, item);
    return k.toBytes();
  }

  /** The encoded primary key alone, the suffix shared by an item's keys in every section. */
  static void appendPrimaryKey(KeyBuilder k, KeySchema key, Item item) {
    KeyCodec.append(k, keyValue(item, key.partitionKey(), true));
    if (key.hasSortKey()) {
      KeyCodec.append(k, keyValue(item, key.sortKey(), false));
    }
  }

  /** The key attribute's value, which must be there, of the right type, and not too long. */
  static AttributeValue keyValue(Item item, KeyAttribute attribute, boolean partition) {
    AttributeValue v = item.get(attribute.name());
    if (v == null) {
      throw new ItemValidationException("missing key attribute " + attribute.name());
    }
    if (v.type() != attribute.type()) {
      throw new ItemValidationException("key attribute " + attribute.name() + " must be of type "
          + attribute.type() + ", not " + v.type());
    }
    checkKeyValueLength(attribute.name(), v, partition);
    return v;
  }

  static void checkKeyValueLength(String name, AttributeValue v, boolean partition) {
    long length;
    if (v instanceof AttributeValue.StringValue s) {
      length = ItemSize.utf8Length(s.value()); // a valid value: counted, not encoded again
    } else if (v instanceof AttributeValue.BinaryValue b) {
      length = b.value().length();
    } else {
      return; // a number's 38 digits are always within bounds
    }
    if (length == 0) {
      throw new ItemValidationException(
          "key attribute " + name + " must not be an empty " + v.type());
    }
    int max = partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
    if (length > max) {
      throw new ItemValidationException("key attribute " + name + " is " + length
          + " bytes, more than the " + max + " a " + (partition ? "partition" : "sort")
          + " key may have");
    }
  }
}
