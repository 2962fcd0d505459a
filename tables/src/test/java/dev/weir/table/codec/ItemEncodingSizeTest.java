package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What an item costs in the engine against the KV record a user would store for the same
 * content. Encoded sizes are deterministic, so these are exact byte counts, not measurements
 * that vary.
 *
 * <p>The item record is the item's engine key (its partition key value, {@link KeyCodec}) and
 * value ({@link ItemCodec}, which keeps every attribute, the key too). The KV record is the same
 * partition key as a UTF-8 key and the other four fields as compact JSON, names included (a
 * value that names its fields, as the item's does). A table's key space prefix is left out of
 * both: the KV user has one too.
 */
class ItemEncodingSizeTest {
  private static final String KV_KEY = "user#00012345";
  private static final String KV_VALUE =
      "{\"name\":\"Alice Example\",\"age\":30,\"email\":\"alice@example.com\",\"active\":true}";

  private static final Item USER = Item.builder()
      .string("pk", KV_KEY)
      .string("name", "Alice Example")
      .number("age", 30)
      .string("email", "alice@example.com")
      .bool("active", true)
      .build();

  @Test
  void aFiveAttributeItemCostsWithinOneAndAHalfTimesItsKvRecord() {
    int itemKey = KeyCodec.encode(AttributeValue.string(KV_KEY)).length();
    int itemValue = ItemCodec.encode(USER).length;
    int kvKey = utf8(KV_KEY);
    int kvValue = utf8(KV_VALUE);
    double ratio = (double) (itemKey + itemValue) / (kvKey + kvValue);
    System.out.printf("item record %d + %d = %d bytes; KV record %d + %d = %d bytes; ratio %.3f%n",
        itemKey, itemValue, itemKey + itemValue, kvKey, kvValue, kvKey + kvValue, ratio);
    assertTrue(ratio <= 1.5, "item record / KV record = " + ratio);
  }

  @Test
  void theEncodedItemIsSmallerThanItsOwnJsonOfTheSameFields() {
    String sameFieldsAsJson = "{\"pk\":\"" + KV_KEY + "\"," + KV_VALUE.substring(1);
    int encoded = ItemCodec.encode(USER).length;
    System.out.printf("encoded item %d bytes; the same five fields as compact JSON %d bytes;"
        + " DynamoDB's size of the item %d bytes%n",
        encoded, utf8(sameFieldsAsJson), ItemSize.of(USER));
    assertTrue(encoded < utf8(sameFieldsAsJson), encoded + " >= " + utf8(sameFieldsAsJson));
  }

  @Test
  void anItemCostsItsContentPlusAFewBytesOfFraming() {
    // the number 30 is one byte, the boolean folds into its tag
    int content = utf8("pk") + utf8(KV_KEY) + utf8("name") + utf8("Alice Example")
        + utf8("age") + 1 + utf8("email") + utf8("alice@example.com") + utf8("active");
    // the version and count bytes, per attribute a name length and a tag, per string a length
    int framing = 2 + 5 * 2 + 3;
    assertEquals(content + framing, ItemCodec.encode(USER).length);
    assertEquals(USER, ItemCodec.decode(Bytes.wrap(ItemCodec.encode(USER))));
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
