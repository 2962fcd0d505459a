package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each refusal says what was wrong and where, as DynamoDB's JSON path of the culprit. */
class ItemJsonRefusesMalformedInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[]                                        | expected an item               | at $",
      "''                                        | found the end of the input     | at $",
      "{\"a\":\"x\"}                             | expected an attribute value    | at $.a",
      "{\"m\":{\"M\":{\"x\":\"bare\"}}}          | expected an attribute value    | at $.m.M.x",
      "{\"a\":{}}                                | without a type                 | at $.a",
      "{\"a\":{\"X\":\"1\"}}                     | unknown attribute type X       | at $.a.X",
      "{\"a\":{\"S\":\"x\",\"N\":\"1\"}}         | two types in one attribute value: S and N | at $.a",
      "{\"a\":{\"NULL\":false}}                  | NULL takes only true           | at $.a.NULL",
      "{\"a\":{\"BOOL\":\"true\"}}               | BOOL takes true or false       | at $.a.BOOL",
      "{\"a\":{\"N\":30}}                        | a number is written as a JSON string | at $.a.N",
      "{\"a\":{\"N\":\"abc\"}}                   | not a number                   | at $.a.N",
      "{\"a\":{\"N\":\"1e200\"}}                 | magnitude                      | at $.a.N",
      "{\"a\":{\"S\":null}}                      | a string is a JSON string, not null | at $.a.S",
      "{\"a\":{\"S\":\"\\ud800\"}}               | not valid UTF-16               | at $.a.S",
      "{\"a\":{\"B\":\"!!\"}}                    | not base64                     | at $.a.B",
      "{\"a\":{\"SS\":[]}}                       | must not be empty              | at $.a.SS",
      "{\"a\":{\"SS\":[\"x\",\"x\"]}}            | must not hold duplicates       | at $.a.SS",
      "{\"a\":{\"NS\":[\"1\",\"1.0\"]}}          | must not hold duplicates       | at $.a.NS",
      "{\"a\":{\"BS\":[\"AA==\",\"AA==\"]}}      | must not hold duplicates       | at $.a.BS",
      "{\"a\":{\"SS\":[\"x\",1]}}                | a string is a JSON string      | at $.a.SS[1]",
      "{\"a\":{\"NS\":\"1\"}}                    | NS takes an array              | at $.a.NS",
      "{\"a\":{\"L\":{}}}                        | L takes an array               | at $.a.L",
      "{\"a\":{\"M\":[]}}                        | M takes an object              | at $.a.M",
      "{\"l\":{\"L\":[{\"S\":\"a\"},{\"Q\":1}]}} | unknown attribute type Q       | at $.l.L[1].Q",
      "{\"a\":{\"S\":\"x\"},\"a\":{\"S\":\"y\"}} | an attribute given twice       | at $.a",
      "{\"m\":{\"M\":{\"k\":{\"NULL\":true},\"k\":{\"NULL\":true}}}} | a map key given twice | at $.m.M.k",
      "{\"\":{\"S\":\"x\"}}                      | must not be empty              | at $['']",
      "{\"a.b\":{\"S\":1}}                       | a string is a JSON string      | at $['a.b'].S",
      "{\"a\":{\"S\":\"x\"}} {}                  | content after the end          | at $",
      "{\"a\":{\"S\":\"x\"}} x                   | malformed JSON                 | at $",
      "{\"a\":{\"S\":\"x\"}                      | malformed JSON                 | at $",
      "{\"a\":{\"L\":[{\"S\":\"x\"}               | malformed JSON                 | at $.a.L",
  })
  void malformedItemsAreRefusedNamingWhatAndWhere(String json, String what, String where) {
    String input = json.equals("''") ? "" : json;
    ItemValidationException e =
        assertThrows(ItemValidationException.class, () -> Item.fromJson(input));
    assertTrue(e.getMessage().contains(what), e.getMessage());
    assertTrue(e.getMessage().contains(where + " ") || e.getMessage().endsWith(where)
        || e.getMessage().contains(where + ":"), e.getMessage());
  }

  @Test
  void namesThatAreNotValidUtf16AreRefused() {
    ItemValidationException e = assertThrows(ItemValidationException.class,
        () -> Item.fromJson("{\"m\":{\"M\":{\"\\udc00\":{\"NULL\":true}}}}"));
    assertTrue(e.getMessage().contains("a map key is not valid UTF-16"), e.getMessage());
    assertTrue(e.getMessage().endsWith("at $.m.M['\udc00']"), e.getMessage());
    e = assertThrows(ItemValidationException.class,
        () -> Item.fromJson("{\"\\udc00\":{\"NULL\":true}}"));
    assertTrue(e.getMessage().contains("an attribute name is not valid UTF-16"), e.getMessage());
  }

  @Test
  void aSingleValueIsRefusedAlike() {
    ItemValidationException e = assertThrows(ItemValidationException.class,
        () -> ItemJson.readValue("{\"L\":[{\"NULL\":false}]}"));
    assertTrue(e.getMessage().endsWith("at $.L[0].NULL"), e.getMessage());
  }

  @Test
  void valuesNestedDeeperThanThirtyTwoLevelsAreRefused() {
    StringBuilder json = new StringBuilder("{\"a\":");
    for (int i = 0; i < 32; i++) {
      json.append("{\"M\":{\"k\":");
    }
    json.append("{\"S\":\"leaf\"}").append("}}".repeat(32)).append('}');
    ItemValidationException e = assertThrows(ItemValidationException.class,
        () -> Item.fromJson(json.toString()));
    assertTrue(e.getMessage().contains("32 levels"), e.getMessage());
    assertTrue(e.getMessage().contains("at $.a" + ".M.k".repeat(32)), e.getMessage());

    Item tooDeep = Item.builder().attribute("a", ItemArbitraries.nestedMaps(32)).build();
    assertThrows(ItemValidationException.class, tooDeep::toJson);
  }
}
