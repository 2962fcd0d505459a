package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ItemCodecRoundTripTest {

  @Provide
  Arbitrary<Item> items() {
    return ItemArbitraries.items();
  }

  @Property(seed = "1401", tries = 400)
  void anyItemDecodesToItself(@ForAll("items") Item item) {
    byte[] encoded = ItemCodec.encode(item);
    assertEquals(item, ItemCodec.decode(Bytes.wrap(encoded)));
  }

  @Property(seed = "1402", tries = 200)
  void anItemInsideALargerArrayDecodesFromItsOffset(@ForAll("items") Item item) {
    byte[] encoded = ItemCodec.encode(item);
    byte[] padded = new byte[encoded.length + 7];
    Arrays.fill(padded, (byte) 0xEE);
    System.arraycopy(encoded, 0, padded, 3, encoded.length);
    assertEquals(item, ItemCodec.decode(padded, 3, encoded.length));
    assertEquals(item, ItemCodec.decode(Bytes.wrap(padded, 3, encoded.length)));
  }

  @Property(seed = "1403", tries = 300)
  void eachAttributeDecodesAloneAndAnAbsentOneIsNull(@ForAll("items") Item item) {
    Bytes encoded = Bytes.wrap(ItemCodec.encode(item));
    for (String name : item.names()) {
      assertEquals(item.get(name), ItemCodec.decodeAttribute(encoded, name), name);
    }
    assertNull(ItemCodec.decodeAttribute(encoded, "\u0000absent"));
  }

  @Property(seed = "1404", tries = 200)
  void numbersOfEveryMagnitudeSurvive(@ForAll("numbers") BigDecimal number) {
    Item item = Item.builder().number("n", number).numberSet("ns", List.of(number)).build();
    assertEquals(item, ItemCodec.decode(Bytes.wrap(ItemCodec.encode(item))));
  }

  @Provide
  Arbitrary<BigDecimal> numbers() {
    return ItemArbitraries.numbers();
  }

  @Test
  void emptyValuesAndTheEmptyItemSurvive() {
    Item item = Item.builder()
        .string("s", "")
        .binary("b", new byte[0])
        .list("l", List.of())
        .map("m", Map.of())
        .map("nested", Map.of("", AttributeValue.list(AttributeValue.map(Map.of()))))
        .build();
    assertEquals(item, ItemCodec.decode(Bytes.wrap(ItemCodec.encode(item))));
    assertEquals(Item.empty(), ItemCodec.decode(Bytes.wrap(ItemCodec.encode(Item.empty()))));
  }

  @Test
  void equalNumbersEncodeAlike() {
    Item one = Item.builder().number("n", new BigDecimal("1")).build();
    Item onePointZero = Item.builder().number("n", new BigDecimal("1.000")).build();
    Item negativeZero = Item.builder().number("n", new BigDecimal("-0.0")).build();
    Item zero = Item.builder().number("n", 0).build();
    assertEquals(Bytes.wrap(ItemCodec.encode(one)), Bytes.wrap(ItemCodec.encode(onePointZero)));
    assertEquals(Bytes.wrap(ItemCodec.encode(zero)), Bytes.wrap(ItemCodec.encode(negativeZero)));
  }

  @Test
  void valuesNestThirtyTwoLevelsAndNoDeeper() {
    // DynamoDB's count: the top-level value is level 1, so 31 maps may hold a scalar
    Item deepest = Item.builder().attribute("a", ItemArbitraries.nestedMaps(31)).build();
    assertEquals(deepest, ItemCodec.decode(Bytes.wrap(ItemCodec.encode(deepest))));

    Item tooDeep = Item.builder().attribute("a", ItemArbitraries.nestedMaps(32)).build();
    ItemValidationException e =
        assertThrows(ItemValidationException.class, () -> ItemCodec.encode(tooDeep));
    assertEquals(true, e.getMessage().contains("32 levels"), e.getMessage());
  }
}
