package dev.weir.table;

import dev.weir.engine.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute's value, of one of DynamoDB's types. Immutable; equal values are equal objects,
 * which for numbers means numerically equal ({@code 1.0} equals {@code 1}: numbers are kept
 * normalized) and for sets means the same members (sets are kept in one canonical order).
 *
 * <p>The checks DynamoDB makes on input are made here, once, when a value is built: numbers of
 * at most 38 significant digits between 1E-130 and 1E126 in magnitude, sets non-empty and without
 * duplicates, strings valid UTF-16. A value that exists is therefore always storable.
 */
public sealed interface AttributeValue
    permits AttributeValue.StringValue,
        AttributeValue.NumberValue,
        AttributeValue.BinaryValue,
        AttributeValue.BooleanValue,
        AttributeValue.NullValue,
        AttributeValue.ListValue,
        AttributeValue.MapValue,
        AttributeValue.StringSetValue,
        AttributeValue.NumberSetValue,
        AttributeValue.BinarySetValue {

  AttributeType type();

  // ------------------------------------------------------------------ factories

  static StringValue string(String value) {
    return new StringValue(value);
  }

  static NumberValue number(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  /** A number from its decimal text, as DynamoDB sends it ({@code "12.50"}, {@code "-1e3"}). */
  static NumberValue number(String text) {
    return new NumberValue(NumberRules.parse(text));
  }

  static NumberValue number(BigDecimal value) {
    return new NumberValue(value);
  }

  static BinaryValue binary(Bytes value) {
    return new BinaryValue(value);
  }

  static BinaryValue binary(byte[] value) {
    return new BinaryValue(Bytes.of(Objects.requireNonNull(value, "value")));
  }

  static BooleanValue bool(boolean value) {
    return value ? BooleanValue.TRUE : BooleanValue.FALSE;
  }

  static NullValue nullValue() {
    return NullValue.INSTANCE;
  }

  static ListValue list(List<? extends AttributeValue> values) {
    return new ListValue(List.copyOf(values));
  }

  static ListValue list(AttributeValue... values) {
    return new ListValue(List.of(values));
  }

  static MapValue map(Map<String, ? extends AttributeValue> values) {
    return new MapValue(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  static StringSetValue stringSet(Collection<String> members) {
    return new StringSetValue(List.copyOf(members));
  }

  static StringSetValue stringSet(String... members) {
    return new StringSetValue(List.of(members));
  }

  /** A number set; members may be {@link Number}s, {@link BigDecimal}s or decimal strings. */
  static NumberSetValue numberSet(Collection<?> members) {
    List<BigDecimal> numbers = new ArrayList<>(members.size());
    for (Object m : members) {
      numbers.add(NumberRules.toDecimal(m));
    }
    return new NumberSetValue(numbers);
  }

  static NumberSetValue numberSet(long... members) {
    List<BigDecimal> numbers = new ArrayList<>(members.length);
    for (long m : members) {
      numbers.add(BigDecimal.valueOf(m));
    }
    return new NumberSetValue(numbers);
  }

  static BinarySetValue binarySet(Collection<Bytes> members) {
    return new BinarySetValue(List.copyOf(members));
  }

  // ------------------------------------------------------------------ the types

  /** {@code S}: a string, valid UTF-16 (no lone surrogates), possibly empty. */
  record StringValue(String value) implements AttributeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
      StringRules.checkUtf16(value, "a string attribute value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.S;
    }

    @Override
    public String toString() {
      return "S:" + value;
    }
  }

  /** {@code N}: a decimal of at most 38 significant digits, normalized (no trailing zeros). */
  record NumberValue(BigDecimal value) implements AttributeValue {
    public NumberValue {
      value = NumberRules.normalize(Objects.requireNonNull(value, "value"));
    }

    @Override
    public AttributeType type() {
      return AttributeType.N;
    }

    /** The number as DynamoDB writes it: plain digits, no exponent ({@code "1E+3"} is "1000"). */
    public String text() {
      return value.toPlainString();
    }

    public long longValue() {
      return value.longValueExact();
    }

    @Override
    public String toString() {
      return "N:" + text();
    }
  }

  /** {@code B}: bytes, possibly empty. */
  record BinaryValue(Bytes value) implements AttributeValue {
    public BinaryValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.B;
    }

    @Override
    public String toString() {
      return "B:" + value.toHex();
    }
  }

  /** {@code BOOL}. */
  record BooleanValue(boolean value) implements AttributeValue {
    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);

    @Override
    public AttributeType type() {
      return AttributeType.BOOL;
    }

    @Override
    public String toString() {
      return "BOOL:" + value;
    }
  }

  /** {@code NULL}: the one null value (distinct from an absent attribute). */
  record NullValue() implements AttributeValue {
    static final NullValue INSTANCE = new NullValue();

    @Override
    public AttributeType type() {
      return AttributeType.NULL;
    }

    @Override
    public String toString() {
      return "NULL";
    }
  }

  /** {@code L}: an ordered list of values of any types, possibly empty. */
  record ListValue(List<AttributeValue> values) implements AttributeValue {
    public ListValue {
      values = List.copyOf(values);
    }

    @Override
    public AttributeType type() {
      return AttributeType.L;
    }

    @Override
    public String toString() {
      return "L:" + values;
    }
  }

  /** {@code M}: named values of any types, possibly empty; equality ignores order. */
  record MapValue(Map<String, AttributeValue> values) implements AttributeValue {
    public MapValue {
      Map<String, AttributeValue> copy = new LinkedHashMap<>();
      for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
        StringRules.checkUtf16(Objects.requireNonNull(e.getKey(), "map key"), "a map key");
        copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), "map value"));
      }
      values = Collections.unmodifiableMap(copy);
    }

    @Override
    public AttributeType type() {
      return AttributeType.M;
    }

    @Override
    public String toString() {
      return "M:" + values;
    }
  }

  /** {@code SS}: a non-empty set of distinct strings, in code point (UTF-8 byte) order. */
  record StringSetValue(List<String> members) implements AttributeValue {
    public StringSetValue {
      for (String s : members) {
        StringRules.checkUtf16(Objects.requireNonNull(s, "set member"), "a string set member");
      }
      members = SetRules.canonical(members, StringRules.CODE_POINT_ORDER, "string");
    }

    @Override
    public AttributeType type() {
      return AttributeType.SS;
    }

    @Override
    public String toString() {
      return "SS:" + members;
    }
  }

  /** {@code NS}: a non-empty set of distinct numbers (numerically), ascending. */
  record NumberSetValue(List<BigDecimal> members) implements AttributeValue {
    public NumberSetValue {
      List<BigDecimal> normalized = new ArrayList<>(members.size());
      for (BigDecimal d : members) {
        normalized.add(NumberRules.normalize(Objects.requireNonNull(d, "set member")));
      }
      members = SetRules.canonical(normalized, Comparator.naturalOrder(), "number");
    }

    @Override
    public AttributeType type() {
      return AttributeType.NS;
    }

    @Override
    public String toString() {
      List<String> texts = new ArrayList<>(members.size());
      for (BigDecimal d : members) {
        texts.add(d.toPlainString());
      }
      return "NS:" + texts;
    }
  }

  /** {@code BS}: a non-empty set of distinct byte strings, in unsigned byte order. */
  record BinarySetValue(List<Bytes> members) implements AttributeValue {
    public BinarySetValue {
      for (Bytes b : members) {
        Objects.requireNonNull(b, "set member");
      }
      members = SetRules.canonical(members, Comparator.naturalOrder(), "binary");
    }

    @Override
    public AttributeType type() {
      return AttributeType.BS;
    }

    @Override
    public String toString() {
      List<String> texts = new ArrayList<>(members.size());
      for (Bytes b : members) {
        texts.add(b.toHex());
      }
      return "BS:" + texts;
    }
  }
}
