package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.TableSchema;
import dev.weir.table.codec.ItemCodec;
import dev.weir.table.codec.ItemSize;
import dev.weir.table.codec.KeyBuilder;
import dev.weir.table.codec.KeyCodec;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How one table's items become engine entries and back: the item under its primary key with
 * its other attributes as the value (the key attributes are in the key, not stored twice), an
 * entry per index the item belongs to, and a TTL schedule entry when the item expires. Pure
 * functions of the schema; immutable and shared by every operation on the table.
 */
final class TableFormat {

  private static final byte NO_EXPIRY = 0;
  private static final byte HAS_EXPIRY = 1;
  /** 64 KB: attribute names are shorter. */
  private static final int MAX_NAME_BYTES = 64 * 1024;

  private final TableRecord record;
  private final TableSchema schema;
  private final TableKeys keys;
  private final Bytes catalogValue;

  TableFormat(TableRecord record, Bytes catalogValue) {
    this.record = record;
    this.schema = record.schema();
    this.keys = new TableKeys(record.id(), schema.indexes().size());
    this.catalogValue = catalogValue;
  }

  TableRecord record() {
    return record;
  }

  TableSchema schema() {
    return schema;
  }

  TableKeys keys() {
    return keys;
  }

  String name() {
    return schema.name();
  }

  /** The catalog entry this format was made from: a changed entry means another table. */
  Bytes catalogValue() {
    return catalogValue;
  }

  /**
   * Whether a write needs nothing read first: no index entries, TTL schedule or stream record
   * depend on the item it replaces.
   */
  boolean isSimple() {
    return schema.indexes().isEmpty() && schema.ttlAttribute() == null
        && schema.streamView() == dev.weir.table.StreamView.OFF;
  }

  // ------------------------------------------------------------------ items

  /**
   * Checks an item to be written: key attributes, attribute names, index key types, size;
   * returns its engine key, which checking the key attributes built.
   */
  Bytes checkItem(Item item) {
    Bytes itemKey = keys.itemKey(schema.key(), item); // checks the key attributes
    for (String name : item.names()) {
      checkNameLength(name);
    }
    for (SecondaryIndex index : schema.indexes()) {
      checkIndexKeyType(index, item);
    }
    int size = ItemSize.of(item);
    if (size > ItemSize.MAX_ITEM_SIZE) {
      throw new ItemValidationException("item size " + size + " bytes is over the limit of "
          + ItemSize.MAX_ITEM_SIZE + " (400 KB)");
    }
    return itemKey;
  }

  /** DynamoDB's bound: an attribute name is less than 64 KB of UTF-8. */
  private static void checkNameLength(String name) {
    // at most 3 bytes per char: only a name this long can reach the bound
    if (name.length() * 3L >= MAX_NAME_BYTES) {
      int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes >= MAX_NAME_BYTES) {
        throw new ItemValidationException("an attribute name is less than 64 KB of UTF-8; "
            + "this one is " + bytes + " bytes: " + name.substring(0, 20) + "...");
      }
    }
  }

  /** Checks that {@code key} holds exactly the table's key attributes. */
  Bytes keyOnly(Item key) {
    Bytes engineKey = keys.itemKey(schema.key(), key);
    int expected = schema.key().hasSortKey() ? 2 : 1;
    if (key.attributeCount() != expected) {
      throw new ItemValidationException("a key of table " + schema.name() + " holds exactly "
          + schema.key() + ", not " + key.names());
    }
    return engineKey;
  }

  Bytes itemKey(Item item) {
    return keys.itemKey(schema.key(), item);
  }

  /** The key attributes of {@code item}. */
  Item keyOf(Item item) {
    KeySchema key = schema.key();
    Item.Builder b = Item.builder().attribute(key.partitionKey().name(),
        item.get(key.partitionKey().name()));
    if (key.hasSortKey()) {
      b.attribute(key.sortKey().name(), item.get(key.sortKey().name()));
    }
    return b.build();
  }

  /** The stored value of {@code item}: its attributes but the key ones. */
  Bytes storedValue(Item item) {
    KeySchema key = schema.key();
    return Bytes.wrap(ItemCodec.encode(item, name -> !key.isKeyAttribute(name)));
  }

  /** The item stored as {@code value} under a key whose key attributes are {@code key}. */
  Item decodeItem(Item key, Bytes value) {
    return ItemCodec.decode(value, key);
  }

  /** The key attributes encoded in the item key {@code engineKey}. */
  Item decodeItemKey(Bytes engineKey) {
    int[] offset = {keys.items().length()};
    return readKey(engineKey, offset, schema.key(), Item.builder()).build();
  }

  long expiry(Item item) {
    return Expiry.of(schema.ttlAttribute(), item);
  }

  // ------------------------------------------------------------------ indexes

  /** The entry key of {@code item} in index {@code ordinal}; null when the item is not in it. */
  Bytes indexKey(int ordinal, Item item) {
    return indexKey(ordinal, item, null);
  }

  /**
   * As {@link #indexKey(int, Item)} for the item stored under {@code itemKey} (null: unknown),
   * whose encoded primary key ends every index key of the item: copied, not encoded again.
   */
  Bytes indexKey(int ordinal, Item item, Bytes itemKey) {
    if (item == null) {
      return null;
    }
    SecondaryIndex index = schema.indexes().get(ordinal);
    KeySchema key = index.key();
    AttributeValue partition = item.get(key.partitionKey().name());
    AttributeValue sort = key.hasSortKey() ? item.get(key.sortKey().name()) : null;
    if (partition == null || (key.hasSortKey() && sort == null)) {
      return null; // sparse: no index key, no entry
    }
    KeyBuilder k = new KeyBuilder().append(keys.index(ordinal));
    KeyCodec.append(k, partition);
    if (sort != null) {
      KeyCodec.append(k, sort);
    }
    if (itemKey != null) {
      int prefix = keys.items().length();
      k.append(itemKey.slice(prefix, itemKey.length() - prefix));
    } else {
      TableKeys.appendPrimaryKey(k, schema.key(), item);
    }
    return k.toBytes();
  }

  /** The value of {@code item}'s entry in index {@code ordinal}: expiry, projected attributes. */
  Bytes indexValue(int ordinal, Item item) {
    SecondaryIndex index = schema.indexes().get(ordinal);
    long expiry = expiry(item);
    byte[] attributes = index.projection().type() == Projection.Type.KEYS_ONLY
        ? new byte[0]
        : projectedAttributes(item, schema.key(), index);
    int header = expiry == Expiry.NEVER ? 1 : 9;
    byte[] value = new byte[header + attributes.length];
    value[0] = expiry == Expiry.NEVER ? NO_EXPIRY : HAS_EXPIRY;
    if (expiry != Expiry.NEVER) {
      writeLong(value, 1, expiry);
    }
    System.arraycopy(attributes, 0, value, header, attributes.length);
    return Bytes.wrap(value);
  }

  /**
   * Whether {@code a} and {@code b}, which have the same entry key in index {@code ordinal},
   * give it the same value: the same expiry and the same projected attributes. Such an entry
   * needs no write, which spares a listing index the entries of items whose listed attributes
   * did not change.
   */
  boolean sameIndexValue(int ordinal, Item a, Item b) {
    if (expiry(a) != expiry(b)) {
      return false;
    }
    Projection projection = schema.indexes().get(ordinal).projection();
    return switch (projection.type()) {
      case KEYS_ONLY -> true;
      case ALL -> a.equals(b);
      case INCLUDE -> projection.include().stream()
          .allMatch(name -> Objects.equals(a.get(name), b.get(name)));
    };
  }

  /** The expiry second held in an index entry's value. */
  static long indexEntryExpiry(Bytes value) {
    if (value.length() == 0 || value.byteAt(0) == NO_EXPIRY) {
      return Expiry.NEVER;
    }
    return readLong(value, 1);
  }

  /** The projected item an index entry holds: the index's and the table's keys, and more. */
  Item decodeIndexEntry(int ordinal, Bytes engineKey, Bytes value) {
    Item keys = decodeIndexKey(ordinal, engineKey);
    int header = value.length() == 0 || value.byteAt(0) == NO_EXPIRY ? 1 : 9;
    if (value.length() > header) {
      return ItemCodec.decode(value.slice(header, value.length() - header), keys);
    }
    return keys;
  }

  /** The index and table key attributes encoded in an index entry's key (its start key form). */
  Item decodeIndexKey(int ordinal, Bytes engineKey) {
    SecondaryIndex index = schema.indexes().get(ordinal);
    int[] offset = {keys.index(ordinal).length()};
    Item.Builder b = Item.builder();
    readKey(engineKey, offset, index.key(), b);
    readKey(engineKey, offset, schema.key(), b);
    return b.build();
  }

  private static void checkIndexKeyType(SecondaryIndex index, Item item) {
    KeySchema key = index.key();
    checkIndexAttribute(index, key.partitionKey(), item, true);
    if (key.hasSortKey()) {
      checkIndexAttribute(index, key.sortKey(), item, false);
    }
  }

  private static void checkIndexAttribute(
      SecondaryIndex index, KeyAttribute attribute, Item item, boolean partition) {
    AttributeValue v = item.get(attribute.name());
    if (v == null) {
      return;
    }
    if (v.type() != attribute.type()) {
      throw new ItemValidationException("attribute " + attribute.name() + " is a key of index "
          + index.name() + " and must be of type " + attribute.type() + ", not " + v.type());
    }
    TableKeys.checkKeyValueLength(attribute.name(), v, partition);
  }

  // ------------------------------------------------------------------ TTL schedule

  /** The TTL schedule key of {@code item}; null when it never expires or is null. */
  Bytes ttlKey(Item item) {
    long expiry = expiry(item);
    if (expiry == Expiry.NEVER) {
      return null;
    }
    byte[] second = new byte[8];
    writeLong(second, 0, expiry ^ Long.MIN_VALUE); // sign flipped: signed order as unsigned
    KeyBuilder k = new KeyBuilder().append(keys.ttl()).append(Bytes.wrap(second));
    TableKeys.appendPrimaryKey(k, schema.key(), item);
    return k.toBytes();
  }

  /** The first TTL schedule key of items expiring at {@code second} or later. */
  Bytes ttlBound(long second) {
    byte[] bytes = new byte[8];
    writeLong(bytes, 0, second ^ Long.MIN_VALUE);
    return keys.ttl().concat(Bytes.wrap(bytes));
  }

  /** The primary key attributes of a TTL schedule entry. */
  Item decodeTtlKey(Bytes engineKey) {
    int[] offset = {keys.ttl().length() + 8};
    return readKey(engineKey, offset, schema.key(), Item.builder()).build();
  }

  // ------------------------------------------------------------------ shared

  /** The attributes an index entry holds besides the keys; none: no bytes at all. */
  private static byte[] projectedAttributes(Item item, KeySchema key, SecondaryIndex index) {
    Predicate<String> projected = name -> !key.isKeyAttribute(name)
        && !index.key().isKeyAttribute(name) && index.projection().projects(name);
    for (String name : item.names()) {
      if (projected.test(name)) {
        return ItemCodec.encode(item, projected);
      }
    }
    return new byte[0];
  }

  private static Item.Builder readKey(Bytes engineKey, int[] offset, KeySchema key, Item.Builder b) {
    List<KeyAttribute> attributes = key.hasSortKey()
        ? List.of(key.partitionKey(), key.sortKey())
        : List.of(key.partitionKey());
    for (KeyAttribute a : attributes) {
      AttributeType type = a.type();
      b.attribute(a.name(), KeyCodec.read(engineKey, offset, type));
    }
    return b;
  }

  private static void writeLong(byte[] into, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      into[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static long readLong(Bytes from, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (from.byteAt(at + i) & 0xFF);
    }
    return v;
  }
}
