package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of DynamoDB values for the codecs' properties, reaching the corners: every type,
 * nesting, empty strings, binaries, lists and maps, NUL and supplementary characters, numbers of
 * 38 digits and at both ends of DynamoDB's range.
 */
final class ItemArbitraries {
  static final String NINES_38 = "9".repeat(38);

  private ItemArbitraries() {}

  static Arbitrary<Item> items() {
    return Arbitraries.maps(names(), values(3)).ofMaxSize(6).map(Item::of);
  }

  static Arbitrary<String> names() {
    return strings().filter(s -> !s.isEmpty());
  }

  static Arbitrary<AttributeValue> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalars()),
        Tuple.of(1, values(depth - 1).list().ofMaxSize(4).map(AttributeValue::list)),
        Tuple.of(1, Arbitraries.maps(strings(), values(depth - 1)).ofMaxSize(4)
            .map(AttributeValue::map)));
  }

  static Arbitrary<AttributeValue> scalars() {
    return Arbitraries.oneOf(
        strings().map(AttributeValue::string),
        numbers().map(AttributeValue::number),
        binaries().map(AttributeValue::binary),
        Arbitraries.of(true, false).map(AttributeValue::bool),
        Arbitraries.just(AttributeValue.nullValue()),
        strings().set().ofMinSize(1).ofMaxSize(4).map(AttributeValue::stringSet),
        numbers().list().ofMinSize(1).ofMaxSize(4).map(ItemArbitraries::numberSet),
        binaries().set().ofMinSize(1).ofMaxSize(4).map(AttributeValue::binarySet));
  }

  /** Valid UTF-16, often with NUL, the UTF-8 length boundaries and supplementary characters. */
  static Arbitrary<String> strings() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(3, Arbitraries.of(0, 1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF,
            0x10000, 0x10FFFF)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return codePoints.list().ofMaxSize(10).map(ItemArbitraries::fromCodePoints);
  }

  static Arbitrary<Bytes> binaries() {
    Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.bytes()),
        Tuple.of(1, Arbitraries.of((byte) 0, (byte) 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)));
    return bytes.list().ofMaxSize(10).map(ItemArbitraries::toBytes);
  }

  /** Numbers of every magnitude and length DynamoDB allows, and the usual ones. */
  static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigDecimal> anyInRange = Arbitraries.integers().between(1, 38).flatMap(digits ->
        Combinators.combine(
            Arbitraries.integers().between(1, 9),
            Arbitraries.strings().withCharRange('0', '9').ofLength(digits - 1),
            Arbitraries.integers().between(-130, 125),
            Arbitraries.of(1, -1))
        .as((first, rest, exponent, sign) -> {
          BigInteger unscaled = new BigInteger(first + rest);
          return new BigDecimal(sign < 0 ? unscaled.negate() : unscaled, digits - 1 - exponent);
        }));
    Arbitrary<BigDecimal> usual = Combinators.combine(
            Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
            Arbitraries.integers().between(0, 4))
        .as(BigDecimal::valueOf);
    Arbitrary<BigDecimal> edges = Arbitraries.of(
        "0", "1", "-1", "30", "1234.5", "1700000000", "0.5", "-0.5", "10", "9.5", "100",
        "9223372036854775807", "-9223372036854775808", "1E-130", "-1E-130",
        "9." + NINES_38.substring(1) + "E+125", "-9." + NINES_38.substring(1) + "E+125",
        NINES_38, "1" + "0".repeat(37), "0." + "0".repeat(10) + NINES_38)
        .map(BigDecimal::new);
    return Arbitraries.frequencyOf(Tuple.of(4, anyInRange), Tuple.of(4, usual), Tuple.of(2, edges));
  }

  static AttributeValue numberSet(List<BigDecimal> members) {
    return AttributeValue.numberSet(new ArrayList<>(new TreeSet<>(members)));
  }

  static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder s = new StringBuilder();
    codePoints.forEach(s::appendCodePoint);
    return s.toString();
  }

  static Bytes toBytes(List<Byte> bytes) {
    byte[] array = new byte[bytes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = bytes.get(i);
    }
    return Bytes.wrap(array);
  }

  /** {@code levels} maps, one inside the other, around a string: its level is levels + 1. */
  static AttributeValue nestedMaps(int levels) {
    AttributeValue value = AttributeValue.string("leaf");
    for (int i = 0; i < levels; i++) {
      value = AttributeValue.map(java.util.Map.of("k", value));
    }
    return value;
  }
}
