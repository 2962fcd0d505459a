package dev.weir.table;

import dev.weir.engine.Bytes;
import dev.weir.table.codec.ItemJson;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An item: named attribute values, DynamoDB's unit of storage. Immutable; equality is equality
 * of the attributes, whatever their order. Attribute names are non-empty valid UTF-16 (DynamoDB
 * also bounds them at 64 KB of UTF-8, key attributes at 255 bytes: the table checks those).
 *
 * <pre>{@code
 * Item user = Item.builder().string("name", "Alice").number("age", 30).build();
 * String name = user.getString("name");
 * }</pre>
 */
public final class Item {

  private static final Item EMPTY = new Item(Collections.emptyMap());

  private final Map<String, AttributeValue> attributes;

  private Item(Map<String, AttributeValue> attributes) {
    this.attributes = attributes;
  }

  public static Item empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An item holding {@code attributes}; names are checked as the builder checks them. */
  public static Item of(Map<String, ? extends AttributeValue> attributes) {
    Builder b = new Builder();
    attributes.forEach(b::attribute);
    return b.build();
  }

  /**
   * The item from DynamoDB's JSON form ({@code {"name": {"S": "Alice"}, "age": {"N": "30"}}});
   * anything malformed is an {@link ItemValidationException} naming where ({@link ItemJson}).
   */
  public static Item fromJson(String json) {
    return ItemJson.read(json);
  }

  /** This item in DynamoDB's JSON form, which {@link #fromJson(String)} reads back. */
  public String toJson() {
    return ItemJson.write(this);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    attributes.forEach(b::put);
    return b;
  }

  /** The attributes, in the order they were added; unmodifiable. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  public Set<String> names() {
    return attributes.keySet();
  }

  public int attributeCount() {
    return attributes.size();
  }

  public boolean isEmpty() {
    return attributes.isEmpty();
  }

  public boolean contains(String name) {
    return attributes.containsKey(name);
  }

  /** The value of {@code name}; null when absent. */
  public AttributeValue get(String name) {
    return attributes.get(name);
  }

  /** This item with {@code name} set to {@code value}. */
  public Item with(String name, AttributeValue value) {
    return toBuilder().attribute(name, value).build();
  }

  /** This item without {@code name}. */
  public Item without(String name) {
    if (!attributes.containsKey(name)) {
      return this;
    }
    Map<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
    copy.remove(name);
    return new Item(Collections.unmodifiableMap(copy));
  }

  // ------------------------------------------------------------------ typed getters
  // Each is null when the attribute is absent and refuses (ItemValidationException) when it
  // holds another type: a silent null there would hide a schema mistake.

  public String getString(String name) {
    AttributeValue v = typed(name, AttributeType.S);
    return v == null ? null : ((AttributeValue.StringValue) v).value();
  }

  public BigDecimal getNumber(String name) {
    AttributeValue v = typed(name, AttributeType.N);
    return v == null ? null : ((AttributeValue.NumberValue) v).value();
  }

  /** The number as a long; refuses one with a fraction or out of range. */
  public Long getLong(String name) {
    BigDecimal d = getNumber(name);
    if (d == null) {
      return null;
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new ItemValidationException("attribute " + name + " is " + d.toPlainString()
          + ", not a whole number within a long");
    }
  }

  public Bytes getBinary(String name) {
    AttributeValue v = typed(name, AttributeType.B);
    return v == null ? null : ((AttributeValue.BinaryValue) v).value();
  }

  public Boolean getBoolean(String name) {
    AttributeValue v = typed(name, AttributeType.BOOL);
    return v == null ? null : ((AttributeValue.BooleanValue) v).value();
  }

  /** Whether {@code name} holds the NULL value (false when absent or of another type). */
  public boolean isNull(String name) {
    AttributeValue v = attributes.get(name);
    return v != null && v.type() == AttributeType.NULL;
  }

  public List<AttributeValue> getList(String name) {
    AttributeValue v = typed(name, AttributeType.L);
    return v == null ? null : ((AttributeValue.ListValue) v).values();
  }

  public Map<String, AttributeValue> getMap(String name) {
    AttributeValue v = typed(name, AttributeType.M);
    return v == null ? null : ((AttributeValue.MapValue) v).values();
  }

  public List<String> getStringSet(String name) {
    AttributeValue v = typed(name, AttributeType.SS);
    return v == null ? null : ((AttributeValue.StringSetValue) v).members();
  }

  public List<BigDecimal> getNumberSet(String name) {
    AttributeValue v = typed(name, AttributeType.NS);
    return v == null ? null : ((AttributeValue.NumberSetValue) v).members();
  }

  public List<Bytes> getBinarySet(String name) {
    AttributeValue v = typed(name, AttributeType.BS);
    return v == null ? null : ((AttributeValue.BinarySetValue) v).members();
  }

  private AttributeValue typed(String name, AttributeType type) {
    AttributeValue v = attributes.get(name);
    if (v != null && v.type() != type) {
      throw new ItemValidationException(
          "attribute " + name + " is of type " + v.type() + ", not " + type);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Item other && attributes.equals(other.attributes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  @Override
  public String toString() {
    return attributes.toString();
  }

  /** Builds an {@link Item}; a name given twice keeps the last value. Not for concurrent use. */
  public static final class Builder {
    /**
     * Up to this many attributes are kept in two arrays ({@link SmallAttributeMap}), more in a
     * LinkedHashMap, where a linear search would cost more than hashing.
     */
    static final int SMALL = 8;

    private String[] names;
    private AttributeValue[] values;
    private int size;
    private Map<String, AttributeValue> large; // non-null once past SMALL attributes
    // build() hands its arrays or map to the item instead of copying them (decoding an item
    // built two maps, a third of its time); a builder changed after build() first takes a copy
    private boolean givenAway;

    private Builder() {}

    public Builder attribute(String name, AttributeValue value) {
      checkName(name);
      Objects.requireNonNull(value, () -> "value of " + name);
      put(name, value);
      return this;
    }

    /** Adds an attribute already checked (one of another item's). */
    private void put(String name, AttributeValue value) {
      own();
      if (large != null) {
        large.put(name, value);
        return;
      }
      int i = size == 0 ? -1 : SmallAttributeMap.indexOf(names, size, name);
      if (i >= 0) {
        values[i] = value;
      } else if (size == SMALL) {
        large = new LinkedHashMap<>();
        for (int k = 0; k < size; k++) {
          large.put(names[k], values[k]);
        }
        large.put(name, value);
        names = null;
        values = null;
        size = 0;
      } else {
        if (names == null) {
          names = new String[SMALL];
          values = new AttributeValue[SMALL];
        }
        names[size] = name;
        values[size++] = value;
      }
    }

    public Builder string(String name, String value) {
      return attribute(name, AttributeValue.string(value));
    }

    public Builder number(String name, long value) {
      return attribute(name, AttributeValue.number(value));
    }

    public Builder number(String name, BigDecimal value) {
      return attribute(name, AttributeValue.number(value));
    }

    /** A number from its decimal text ({@code "3.14"}). */
    public Builder number(String name, String decimalText) {
      return attribute(name, AttributeValue.number(decimalText));
    }

    public Builder binary(String name, Bytes value) {
      return attribute(name, AttributeValue.binary(value));
    }

    public Builder binary(String name, byte[] value) {
      return attribute(name, AttributeValue.binary(value));
    }

    public Builder bool(String name, boolean value) {
      return attribute(name, AttributeValue.bool(value));
    }

    public Builder nullValue(String name) {
      return attribute(name, AttributeValue.nullValue());
    }

    public Builder list(String name, List<? extends AttributeValue> values) {
      return attribute(name, AttributeValue.list(values));
    }

    public Builder map(String name, Map<String, ? extends AttributeValue> values) {
      return attribute(name, AttributeValue.map(values));
    }

    public Builder map(String name, Item values) {
      return attribute(name, AttributeValue.map(values.attributes()));
    }

    public Builder stringSet(String name, Collection<String> members) {
      return attribute(name, AttributeValue.stringSet(members));
    }

    public Builder stringSet(String name, String... members) {
      return attribute(name, AttributeValue.stringSet(members));
    }

    public Builder numberSet(String name, Collection<?> members) {
      return attribute(name, AttributeValue.numberSet(members));
    }

    public Builder numberSet(String name, long... members) {
      return attribute(name, AttributeValue.numberSet(members));
    }

    public Builder binarySet(String name, Collection<Bytes> members) {
      return attribute(name, AttributeValue.binarySet(members));
    }

    public Builder remove(String name) {
      own();
      if (large != null) {
        large.remove(name);
        return this;
      }
      int i = size == 0 ? -1 : SmallAttributeMap.indexOf(names, size, name);
      if (i >= 0) {
        size--;
        System.arraycopy(names, i + 1, names, i, size - i);
        System.arraycopy(values, i + 1, values, i, size - i);
        names[size] = null;
        values[size] = null;
      }
      return this;
    }

    public Item build() {
      if (large == null ? size == 0 : large.isEmpty()) {
        return EMPTY;
      }
      givenAway = true;
      return new Item(large != null
          ? Collections.unmodifiableMap(large)
          : new SmallAttributeMap(names, values, size));
    }

    private void own() {
      if (givenAway) {
        if (large != null) {
          large = new LinkedHashMap<>(large);
        } else {
          names = names.clone();
          values = values.clone();
        }
        givenAway = false;
      }
    }

    private static void checkName(String name) {
      if (name == null || name.isEmpty()) {
        throw new ItemValidationException("an attribute name must not be null or empty");
      }
      StringRules.checkUtf16(name, "attribute name");
    }
  }
}
