package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Figures worked out by hand from DynamoDB's "item sizes and formats" rules. */
class ItemSizeTest {

  @Test
  void anItemIsItsNamesPlusItsValues() {
    Item user = Item.builder()
        .string("pk", "user#00012345") // 2 + 13
        .string("name", "Alice Example") // 4 + 13
        .number("age", 30) // 3 + (one digit: 1 + 1)
        .string("email", "alice@example.com") // 5 + 17
        .bool("active", true) // 6 + 1
        .build();
    assertEquals(15 + 17 + 5 + 22 + 7, ItemSize.of(user));
    assertEquals(0, ItemSize.of(Item.empty()));
  }

  @Test
  void stringsAndNamesCountTheirUtf8Bytes() {
    // é is 2 bytes, € 3, U+1F600 4 (two UTF-16 chars)
    assertEquals(9, ItemSize.of(AttributeValue.string("\u00e9\u20ac\uD83D\uDE00")));
    assertEquals(0, ItemSize.of(AttributeValue.string("")));
    assertEquals(2 + 1, ItemSize.of(Item.builder().nullValue("\u00f1").build()));
  }

  @Test
  void aNumberIsOneBytePerTwoSignificantDigitsPlusOne() {
    assertEquals(1, ItemSize.of(AttributeValue.number(0)));
    assertEquals(2, ItemSize.of(AttributeValue.number(7)));
    assertEquals(2, ItemSize.of(AttributeValue.number(1000))); // trailing zeros trimmed
    assertEquals(2, ItemSize.of(AttributeValue.number("0.0012"))); // leading zeros trimmed
    assertEquals(2, ItemSize.of(AttributeValue.number("-1.5")));
    assertEquals(4, ItemSize.of(AttributeValue.number(123456)));
    assertEquals(5, ItemSize.of(AttributeValue.number(1234567)));
    assertEquals(20, ItemSize.of(AttributeValue.number(ItemArbitraries.NINES_38)));
  }

  @Test
  void binariesAreTheirBytesAndBooleansAndNullOneByte() {
    assertEquals(5, ItemSize.of(AttributeValue.binary(new byte[5])));
    assertEquals(1, ItemSize.of(AttributeValue.bool(false)));
    assertEquals(1, ItemSize.of(AttributeValue.nullValue()));
  }

  @Test
  void listsAndMapsAreThreeBytesPlusEachElementAndOneByteAnElement() {
    assertEquals(3, ItemSize.of(AttributeValue.list()));
    assertEquals(3, ItemSize.of(AttributeValue.map(Map.of())));
    AttributeValue list = AttributeValue.list(
        AttributeValue.string("ab"), AttributeValue.number(1), AttributeValue.bool(true));
    assertEquals(3 + (2 + 1) + (2 + 1) + (1 + 1), ItemSize.of(list));
    Map<String, AttributeValue> members = new LinkedHashMap<>();
    members.put("k", AttributeValue.string("v"));
    members.put("kk", AttributeValue.nullValue());
    assertEquals(3 + (1 + 1 + 1) + (2 + 1 + 1), ItemSize.of(AttributeValue.map(members)));
    // {m: {l: [{}]}}: the empty map 3, the list 3 + (3 + 1), the outer map 3 + (1 + 7 + 1)
    Item nested = Item.builder()
        .map("m", Map.of("l", AttributeValue.list(AttributeValue.map(Map.of()))))
        .build();
    assertEquals(1 + 12, ItemSize.of(nested));
  }

  @Test
  void aSetIsTheSumOfItsMembers() {
    assertEquals(1 + 2, ItemSize.of(AttributeValue.stringSet("a", "bc")));
    assertEquals(2 + 2 + 3, ItemSize.of(AttributeValue.numberSet(1, 23, 456)));
    assertEquals(2 + 3, ItemSize.of(AttributeValue.binarySet(
        List.of(Bytes.wrap(new byte[2]), Bytes.wrap(new byte[3])))));
  }

  @Test
  void theLimitIsFourHundredKilobytesOf1024Bytes() {
    assertEquals(409_600, ItemSize.MAX_ITEM_SIZE);
    Item atLimit = Item.builder()
        .string("pk", "x")
        .binary("data", new byte[ItemSize.MAX_ITEM_SIZE - (2 + 1) - 4])
        .build();
    assertEquals(ItemSize.MAX_ITEM_SIZE, ItemSize.of(atLimit));
  }

  @Provide
  Arbitrary<String> strings() {
    return ItemArbitraries.strings();
  }

  @Property(seed = "1451", tries = 500)
  void aStringCountsExactlyItsUtf8Bytes(@ForAll("strings") String s) {
    assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ItemSize.of(AttributeValue.string(s)));
  }

  @Test
  void numberSetMembersCountAsNumbers() {
    AttributeValue set = AttributeValue.numberSet(List.of(new BigDecimal("1.50"), "100"));
    assertEquals(2 + 2, ItemSize.of(set));
  }
}
