package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ItemJsonRoundTripTest {

  @Provide
  Arbitrary<Item> items() {
    return ItemArbitraries.items();
  }

  @Provide
  Arbitrary<AttributeValue> values() {
    return ItemArbitraries.values(3);
  }

  @Property(seed = "1421", tries = 400)
  void anyItemReadsBackAsItself(@ForAll("items") Item item) {
    assertEquals(item, ItemJson.read(ItemJson.write(item)));
    assertEquals(item, Item.fromJson(item.toJson()));
  }

  @Property(seed = "1422", tries = 300)
  void anyValueReadsBackAsItself(@ForAll("values") AttributeValue value) {
    assertEquals(value, ItemJson.readValue(ItemJson.writeValue(value)));
  }

  @Test
  void everyTypeIsWrittenInDynamoDbsForm() {
    Item item = Item.builder()
        .string("name", "Alice")
        .number("age", 30)
        .number("price", "12.50")
        .binary("data", new byte[] {1, 2, 3})
        .bool("ok", true)
        .nullValue("n")
        .list("l", List.of(AttributeValue.string("a"), AttributeValue.number(1)))
        .map("m", Map.of("x", AttributeValue.bool(false)))
        .stringSet("ss", "b", "a")
        .numberSet("ns", 2, 1)
        .binarySet("bs", List.of(Bytes.wrap(new byte[] {(byte) 0xFF})))
        .build();
    assertEquals("{\"name\":{\"S\":\"Alice\"},\"age\":{\"N\":\"30\"},\"price\":{\"N\":\"12.5\"},"
        + "\"data\":{\"B\":\"AQID\"},\"ok\":{\"BOOL\":true},\"n\":{\"NULL\":true},"
        + "\"l\":{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]},\"m\":{\"M\":{\"x\":{\"BOOL\":false}}},"
        + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]},\"bs\":{\"BS\":[\"/w==\"]}}",
        item.toJson());
  }

  @Test
  void numbersAreWrittenWithoutExponents() {
    assertEquals("{\"N\":\"1000\"}", ItemJson.writeValue(AttributeValue.number("1E+3")));
    assertEquals("{\"N\":\"-0.0001\"}", ItemJson.writeValue(AttributeValue.number("-1e-4")));
    assertEquals(AttributeValue.number(1000), ItemJson.readValue("{\"N\":\"1e3\"}"));
  }

  @Test
  void anItemEmbedsInALargerDocument() throws IOException {
    Item item = Item.builder().string("pk", "a").number("n", 1).build();
    JsonFactory json = new JsonFactory();
    StringWriter text = new StringWriter();
    try (JsonGenerator out = json.createGenerator(text)) {
      out.writeStartObject();
      out.writeFieldName("Item");
      ItemJson.write(out, item);
      out.writeFieldName("Key");
      ItemJson.writeValue(out, AttributeValue.string("a"));
      out.writeNumberField("Count", 1);
      out.writeEndObject();
    }
    try (JsonParser in = json.createParser(text.toString())) {
      assertEquals(JsonToken.START_OBJECT, in.nextToken());
      assertEquals(JsonToken.FIELD_NAME, in.nextToken());
      in.nextToken();
      assertEquals(item, ItemJson.read(in));
      assertEquals(JsonToken.END_OBJECT, in.currentToken());
      assertEquals("Key", in.nextFieldName());
      in.nextToken();
      assertEquals(AttributeValue.string("a"), ItemJson.readValue(in));
      assertEquals("Count", in.nextFieldName());
      assertEquals(JsonToken.VALUE_NUMBER_INT, in.nextToken());
      assertEquals(JsonToken.END_OBJECT, in.nextToken());
      assertNull(in.nextToken());
    }
  }

  @Test
  void valuesNestThirtyTwoLevelsInJson() {
    Item deepest = Item.builder().attribute("a", ItemArbitraries.nestedMaps(31)).build();
    assertEquals(deepest, Item.fromJson(deepest.toJson()));
  }
}
