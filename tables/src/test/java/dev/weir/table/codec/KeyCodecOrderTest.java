package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.StringRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Unsigned byte order of encoded keys is DynamoDB's order of the values. */
class KeyCodecOrderTest {

  @Provide
  Arbitrary<AttributeValue> strings() {
    return ItemArbitraries.strings().map(AttributeValue::string);
  }

  @Provide
  Arbitrary<AttributeValue> numbers() {
    return ItemArbitraries.numbers().map(AttributeValue::number);
  }

  @Provide
  Arbitrary<AttributeValue> binaries() {
    return ItemArbitraries.binaries().map(AttributeValue::binary);
  }

  @Provide
  Arbitrary<AttributeValue> keyValues() {
    return Arbitraries.oneOf(strings(), numbers(), binaries());
  }

  @Property(seed = "1431", tries = 1000)
  void stringsSortByCodePoints(
      @ForAll("strings") AttributeValue a, @ForAll("strings") AttributeValue b) {
    assertSameOrder(a, b);
  }

  @Property(seed = "1432", tries = 1000)
  void numbersSortNumerically(
      @ForAll("numbers") AttributeValue a, @ForAll("numbers") AttributeValue b) {
    assertSameOrder(a, b);
  }

  @Property(seed = "1433", tries = 1000)
  void binariesSortByUnsignedBytes(
      @ForAll("binaries") AttributeValue a, @ForAll("binaries") AttributeValue b) {
    assertSameOrder(a, b);
  }

  @Property(seed = "1434", tries = 1000)
  void aValueReadsBackAsItself(@ForAll("keyValues") AttributeValue value) {
    Bytes key = KeyCodec.encode(value);
    int[] offset = {0};
    assertEquals(value, KeyCodec.read(key, offset, value.type()));
    assertEquals(key.length(), offset[0]);
  }

  @Property(seed = "1435", tries = 2000)
  void partitionThenSortKeysSortByPartitionThenSort(
      @ForAll("keyValues") AttributeValue pk1, @ForAll("keyValues") AttributeValue sk1,
      @ForAll("keyValues") AttributeValue otherPk, @ForAll("keyValues") AttributeValue otherSk,
      @ForAll boolean samePartition) {
    // a table's key attributes have one type each: the second key takes the first's types
    AttributeValue pk2 = samePartition || otherPk.type() != pk1.type() ? pk1 : otherPk;
    AttributeValue sk2 = otherSk.type() != sk1.type() ? sk1 : otherSk;
    Bytes key1 = new KeyBuilder().appendByte(0x42).toBytes().concat(twoPart(pk1, sk1));
    Bytes key2 = new KeyBuilder().appendByte(0x42).toBytes().concat(twoPart(pk2, sk2));
    int byPartition = dynamoCompare(pk1, pk2);
    int expected = byPartition != 0 ? byPartition : dynamoCompare(sk1, sk2);
    assertEquals(Integer.signum(expected), Integer.signum(key1.compareTo(key2)),
        () -> pk1 + "/" + sk1 + " vs " + pk2 + "/" + sk2);

    int[] offset = {1};
    assertEquals(pk1, KeyCodec.read(key1, offset, pk1.type()));
    assertEquals(sk1, KeyCodec.read(key1, offset, sk1.type()));
    assertEquals(key1.length(), offset[0]);
  }

  @Test
  void trickyStringsSortByCodePoints() {
    assertAscending(
        "", "\u0000", "\u0000\u0000", "\u0000\u0001", "\u0001", "a", "a\u0000", "a\u0000\u0000",
        "a\u0000b", "a\u0001", "ab", "b", "\u00e9", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF");
  }

  @Test
  void trickyNumbersSortNumerically() {
    String nines = "9." + ItemArbitraries.NINES_38.substring(1);
    assertAscendingNumbers(
        "-" + nines + "E125", "-1E125", "-100", "-10", "-9.5", "-1.01", "-1", "-0.5",
        "-1.1E-130", "-1E-130", "0", "1E-130", "1.1E-130", "1E-129", "0.5", "1", "1.01", "1.2",
        "9.5", "10", "12", "12.5", "100", "120", "1700000000", "1E37", nines + "E125");
  }

  @Test
  void integersEitherSideOfALongsDigitsSortAndReadBack() {
    // up to 18 digits an integer is written from its long, beyond from its BigDecimal
    assertAscendingNumbers(
        "-10000000000000000000", "-9999999999999999999", "-1000000000000000000",
        "-999999999999999999", "-100000000000000000", "-120", "-57", "-10", "-1", "0", "1", "10",
        "57", "120", "1700000000", "100000000000000000", "999999999999999999",
        "1000000000000000000", "9999999999999999999", "10000000000000000000");
    for (String n : new String[] {"-999999999999999999", "-120", "57", "1700000000",
        "100000000000000000", "999999999999999990", "1000000000000000000"}) {
      AttributeValue value = AttributeValue.number(n);
      assertEquals(value, KeyCodec.read(key(value), new int[] {0}, AttributeType.N), n);
    }
  }

  @Test
  void equalNumbersHaveOneKey() {
    assertEquals(key(AttributeValue.number("1")), key(AttributeValue.number("1.0")));
    assertEquals(key(AttributeValue.number("0")), key(AttributeValue.number(new BigDecimal("-0.0"))));
    assertEquals(key(AttributeValue.number("100")), key(AttributeValue.number("1E+2")));
  }

  @Test
  void trickyBinariesSortByUnsignedBytes() {
    List<AttributeValue> values = new ArrayList<>();
    for (String hex : new String[] {"", "00", "0000", "0001", "00ff", "01", "7f", "80", "ff",
        "ff00", "ffff"}) {
      values.add(AttributeValue.binary(Bytes.fromHex(hex)));
    }
    assertStrictlyAscending(values);
  }

  private static void assertAscending(String... strings) {
    List<AttributeValue> values = new ArrayList<>();
    for (String s : strings) {
      values.add(AttributeValue.string(s));
    }
    assertStrictlyAscending(values);
  }

  private static void assertAscendingNumbers(String... numbers) {
    List<AttributeValue> values = new ArrayList<>();
    for (String n : numbers) {
      values.add(AttributeValue.number(n));
    }
    assertStrictlyAscending(values);
  }

  private static void assertStrictlyAscending(List<AttributeValue> values) {
    for (int i = 1; i < values.size(); i++) {
      assertTrue(dynamoCompare(values.get(i - 1), values.get(i)) < 0, "test data out of order");
      assertTrue(key(values.get(i - 1)).compareTo(key(values.get(i))) < 0,
          values.get(i - 1) + " does not sort before " + values.get(i));
      // and with a sort key after each, whatever that sort key is
      assertTrue(twoPart(values.get(i - 1), AttributeValue.binary(Bytes.fromHex("ffff")))
          .compareTo(twoPart(values.get(i), AttributeValue.binary(Bytes.EMPTY))) < 0);
    }
  }

  private static void assertSameOrder(AttributeValue a, AttributeValue b) {
    assertEquals(Integer.signum(dynamoCompare(a, b)), Integer.signum(key(a).compareTo(key(b))),
        () -> a + " vs " + b + ": " + key(a).toHex() + " vs " + key(b).toHex());
  }

  private static Bytes twoPart(AttributeValue pk, AttributeValue sk) {
    KeyBuilder key = new KeyBuilder();
    KeyCodec.append(key, pk);
    KeyCodec.append(key, sk);
    return key.toBytes();
  }

  private static Bytes key(AttributeValue value) {
    return KeyCodec.encode(value);
  }

  /** DynamoDB's order of two key values of one type. */
  private static int dynamoCompare(AttributeValue a, AttributeValue b) {
    assertEquals(a.type(), b.type());
    if (a.type() == AttributeType.S) {
      return StringRules.compareCodePoints(
          ((AttributeValue.StringValue) a).value(), ((AttributeValue.StringValue) b).value());
    }
    if (a.type() == AttributeType.N) {
      return ((AttributeValue.NumberValue) a).value()
          .compareTo(((AttributeValue.NumberValue) b).value());
    }
    return ((AttributeValue.BinaryValue) a).value()
        .compareTo(((AttributeValue.BinaryValue) b).value());
  }
}
