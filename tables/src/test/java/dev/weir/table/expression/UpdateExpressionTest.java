package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.numberSet;
import static dev.weir.table.AttributeValue.string;
import static dev.weir.table.AttributeValue.stringSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Update expressions, on the behaviours DynamoDB documents for each clause. */
class UpdateExpressionTest {

  private static Item update(Item old, String expression, Object... bindings) {
    return UpdateExpression.parse(expression).apply(old, Bindings.of(bindings));
  }

  private static String refusal(Item old, String expression, Object... bindings) {
    return assertThrows(ExpressionException.class, () -> update(old, expression, bindings))
        .getMessage();
  }

  private static Item item(String name, AttributeValue value) {
    return Item.builder().attribute(name, value).build();
  }

  @Test
  void setAddsAndReplacesAttributesAndKeepsTheRest() {
    Item old = Item.builder().string("a", "hi").number("keep", 1).build();
    Item updated = update(old, "SET a = :a, b = :b", ":a", "hey", ":b", 2);
    assertEquals(Item.builder().string("a", "hey").number("keep", 1).number("b", 2).build(),
        updated);
    assertEquals(Item.builder().number("x", 4).build(),
        update(Item.empty(), "set x = :v", ":v", 4), "keywords in any case; the empty item");
  }

  @Test
  void everyOperandIsReadFromTheItemAsItWas() {
    Item old = Item.builder().number("a", 1).number("b", 2).build();
    assertEquals(Item.builder().number("a", 2).number("b", 1).build(),
        update(old, "SET a = b, b = a"));
    assertTrue(refusal(old, "SET x = :v, y = x", ":v", 4)
        .contains("refers to an attribute that does not exist in the item"));
    assertEquals(Item.builder().number("b", 2).number("c", 1).build(),
        update(old, "REMOVE a SET c = a"));
  }

  @Test
  void plusAndMinusAddExactlyAndOnlyNumbers() {
    Item old = Item.builder().number("n", 2).string("s", "x").build();
    assertEquals(number(7), update(old, "SET n = n + :five", ":five", 5).get("n"));
    assertEquals(number(-3), update(old, "SET n = n - :five", ":five", 5).get("n"));
    assertEquals(number("2.1"), update(old, "SET n = :a + n", ":a", number("0.1")).get("n"));
    assertEquals(number(5), update(old, "SET m = :seven - n", ":seven", 7).get("m"));
    assertTrue(refusal(old, "SET n = s + :one", ":one", 1)
        .contains("An operand in the update expression has an incorrect data type"));
    assertTrue(refusal(old, "SET n = n + :s", ":s", "dog")
        .contains("operator or function: +, operand type: S"));
    assertTrue(refusal(old, "SET n = nothing + :one", ":one", 1)
        .contains("refers to an attribute that does not exist"));
    ExpressionException threeTerms = assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET n = n + :a + :b"));
    assertEquals("+", threeTerms.token());
  }

  @Test
  void arithmeticBeyondDynamoDbsNumbersIsRefused() {
    Item old = Item.builder().number("n", "9.9999999999999999999999999999999999999E+125").build();
    assertTrue(refusal(old, "SET n = n + n").contains("not a storable number"));
    Item precise = Item.builder().number("n", "1" + "0".repeat(37)).build();
    assertTrue(refusal(precise, "SET n = n + :tiny", ":tiny", number("0.1"))
        .contains("38 significant digits"));
  }

  @Test
  void ifNotExistsGivesTheAttributeWhenPresentElseTheFallback() {
    Item old = Item.builder().number("a", 2).build();
    assertEquals(number(2), update(old, "SET a = if_not_exists(a, :v)", ":v", 3).get("a"));
    assertEquals(number(4), update(old, "SET b = if_not_exists(c, :v)", ":v", 4).get("b"));
    assertEquals(number(2), update(old, "SET b = if_not_exists(a, :v)", ":v", 4).get("b"));
    assertEquals(number(1), update(Item.empty(),
        "SET visits = if_not_exists(visits, :zero) + :one", ":zero", 0, ":one", 1).get("visits"));
    assertEquals(number(3), update(old, "SET x = if_not_exists(b, if_not_exists(a, :v)) + :one",
        ":v", 9, ":one", 1).get("x"));
    assertTrue(assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET b = if_not_exists(:x, :v)")).getMessage()
        .contains("requires a document path"));
  }

  @Test
  void listAppendJoinsTwoListsInTheOrderGiven() {
    Item old = item("l", list(string("hi"), number(2)));
    assertEquals(list(string("hi"), number(2), number(4)),
        update(old, "SET l = list_append(l, :v)", ":v", list(number(4))).get("l"));
    assertEquals(list(number(4), string("hi"), number(2)),
        update(old, "SET l = list_append(:v, l)", ":v", list(number(4))).get("l"));
    assertEquals(list(string("a")), update(Item.empty(),
        "SET l = list_append(if_not_exists(l, :empty), :v)", ":empty", list(), ":v",
        list(string("a"))).get("l"));
    assertTrue(refusal(old, "SET l = list_append(l, :v)", ":v", "x")
        .contains("operator or function: list_append, operand type: S"));
    assertTrue(refusal(item("l", number(1)), "SET l = list_append(l, :v)", ":v", list())
        .contains("incorrect data type"));
    assertTrue(refusal(old, "SET l = list_append(nothing, :v)", ":v", list())
        .contains("does not exist"));
    assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET a = list_append(list_append(:a, :b), :c)"));
    assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET a = LIST_APPEND(:a, :b)"));
  }

  @Test
  void setAndRemoveReachIntoNestedMapsAndLists() {
    Item old = item("a", map(Map.of("b", number(3), "c", list(string("hi"),
        map(Map.of("x", map(Map.of("y", list(number(3), number(5), number(7))))))))));
    Item updated = update(old, "SET a.c[1].#n.y[1] = :v, a.z = a.c[1].x.y[2]", "#n", "x",
        ":v", 9);
    assertEquals(number(9), AttributePath.parse("a.c[1].x.y[1]").resolve(updated,
        Placeholders.NONE));
    assertEquals(number(7), AttributePath.parse("a.z").resolve(updated, Placeholders.NONE));
    Item removed = update(old, "REMOVE a.c[1].x.y[1], a.b");
    assertEquals(list(number(3), number(7)),
        AttributePath.parse("a.c[1].x.y").resolve(removed, Placeholders.NONE));
    assertNull(AttributePath.parse("a.b").resolve(removed, Placeholders.NONE));
    assertEquals(map(Map.of()), update(item("a", map(Map.of("b", number(1)))), "REMOVE a.b")
        .get("a"), "removing a map's only entry leaves an empty map");
  }

  @Test
  void settingPastAListsEndAppendsInIndexOrder() {
    Item old = item("a", list(string("one"), string("two"), string("three")));
    assertEquals(list(string("one"), string("two"), string("three"), string("hello")),
        update(old, "SET a[7] = :v", ":v", "hello").get("a"));
    assertEquals(list(string("one"), string("two"), string("three"), string("a3"),
            string("a2"), string("a4"), string("a1")),
        update(old, "SET a[84] = :a1, a[37] = :a2, a[17] = :a3, a[50] = :a4", ":a1", "a1",
            ":a2", "a2", ":a3", "a3", ":a4", "a4").get("a"));
  }

  @Test
  void listIndexesMeanPositionsInTheListAsItWas() {
    Item old = item("a", list(number(2), number(3), number(4), number(5), number(6), number(7)));
    AttributeValue expected = list(number(2), number(4), number(17), number(6), number(7));
    assertEquals(expected, update(old, "REMOVE a[1] SET a[3] = :v", ":v", 17).get("a"));
    assertEquals(expected, update(old, "SET a[3] = :v REMOVE a[1]", ":v", 17).get("a"));
    assertEquals(list(number(4), number(5), number(6), number(7)),
        update(old, "REMOVE a[0], a[1]").get("a"));
    assertEquals(old, update(old, "REMOVE a[17]"), "removing past the end changes nothing");
  }

  @Test
  void removingAnAbsentLeafChangesNothingButAnAbsentParentIsRefused() {
    Item old = Item.builder().map("a", Map.of("x", number(3))).list("b", List.of(string("hi")))
        .string("s", "hello").build();
    assertEquals(old, update(old, "REMOVE a.y, b[7], c"));
    for (String expression : List.of("SET s.c = :v", "SET b.c = :v", "SET c.c = :v",
        "REMOVE s.c", "REMOVE c.c", "SET s[0] = :v", "SET c[0] = :v", "REMOVE a[0]",
        "SET b[5].x = :v", "ADD c.n :v")) {
      assertTrue(refusal(old, expression, ":v", 7)
          .contains("The document path provided in the update expression is invalid for update"),
          expression);
    }
  }

  @Test
  void addAddsNumbersAndUnitesSetsCreatingWhatIsAbsent() {
    Item old = Item.builder().number("n", 3).stringSet("s", "dog", "cat").string("str", "hi")
        .build();
    assertEquals(number(7), update(old, "ADD n :v", ":v", 4).get("n"));
    assertEquals(number(-1), update(old, "ADD n :v", ":v", -4).get("n"));
    assertEquals(number(8), update(old, "ADD m :v", ":v", 8).get("m"));
    assertEquals(stringSet("cat", "dog", "pig"),
        update(old, "ADD s :v", ":v", stringSet("pig", "dog")).get("s"));
    assertEquals(numberSet(1, 2), update(old, "ADD ns :v", ":v", numberSet(1, 2)).get("ns"));
    assertEquals(number(1), AttributePath.parse("m.c").resolve(
        update(item("m", map(Map.of("c", number(0)))), "ADD m.c :v", ":v", 1), Placeholders.NONE));
    assertTrue(refusal(old, "ADD n :v", ":v", "x")
        .contains("Incorrect operand type for operator or function; operator: ADD, operand type: "
            + "STRING"));
    assertTrue(refusal(old, "ADD n :v", ":v", list(number(1))).contains("operand type: LIST"));
    assertTrue(refusal(old, "ADD str :v", ":v", 1).contains("incorrect data type"));
    assertTrue(refusal(old, "ADD s :v", ":v", numberSet(1)).contains("incorrect data type"));
  }

  @Test
  void deleteTakesMembersAwayAndRemovesAnEmptiedSet() {
    Item old = Item.builder().stringSet("s", "dog", "cat", "mouse").string("b", "hi").build();
    assertEquals(stringSet("dog"), update(old, "DELETE s :v", ":v", stringSet("cat", "mouse"))
        .get("s"));
    assertEquals(old, update(old, "DELETE s :v", ":v", stringSet("pig")));
    assertEquals(Item.builder().string("b", "hi").build(),
        update(old, "DELETE s :v", ":v", stringSet("dog", "cat", "mouse")));
    assertEquals(old, update(old, "DELETE nothing :v", ":v", stringSet("dog")));
    assertTrue(refusal(old, "DELETE s :v", ":v", "dog").contains("operator: DELETE"));
    assertTrue(refusal(old, "DELETE b :v", ":v", stringSet("h")).contains("incorrect data type"));
  }

  @Test
  void eachClauseAtMostOnceInAnyOrder() {
    Item old = Item.builder().number("a", 1).stringSet("s", "x").build();
    Item updated = update(old, "DELETE s :s ADD n :one REMOVE a SET b = :one",
        ":s", stringSet("x"), ":one", 1);
    assertEquals(Item.builder().number("n", 1).number("b", 1).build(), updated);
    ExpressionException twice = assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET a = :v REMOVE b SET c = :v"));
    assertTrue(twice.getMessage().contains("The \"SET\" section can only be used once"));
    assertEquals(20, twice.position());
    assertThrows(ExpressionException.class, () -> UpdateExpression.parse("HELLO b = :v"));
    assertThrows(ExpressionException.class, () -> UpdateExpression.parse("SET :a = :b"));
    assertThrows(ExpressionException.class, () -> UpdateExpression.parse("SET a[:i] = :b"));
  }

  @Test
  void overlappingPathsAreRefusedWhenWrittenAlikeAndOnceNamesAreBound() {
    for (String expression : List.of("SET a = :v, a.b = :v", "SET a.b = :v, a = :v",
        "SET a[1][1] = :v, a[1] = :v", "SET a = :v REMOVE a", "REMOVE a.b.c ADD a.b :v",
        "SET #x = :v, #x.y = :v")) {
      ExpressionException e = assertThrows(ExpressionException.class,
          () -> UpdateExpression.parse(expression), expression);
      assertTrue(e.getMessage().contains("Two document paths overlap with each other"),
          e.getMessage());
    }
    ExpressionException conflict = assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET a.b = :v, a[1] = :v"));
    assertTrue(conflict.getMessage().contains("Two document paths conflict with each other; "
        + "must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"),
        conflict.getMessage());
    UpdateExpression aliases = UpdateExpression.parse("SET #a1 = :v, #a2 = :v");
    String bound = assertThrows(ExpressionException.class, () -> aliases.apply(Item.empty(),
        Bindings.of("#a1", "a", "#a2", "a", ":v", 1))).getMessage();
    assertTrue(bound.contains("path one: [a], path two: [a]"), bound);
    assertEquals(Item.builder().number("a", 1).number("b", 1).build(), aliases.apply(
        Item.empty(), Bindings.of("#a1", "a", "#a2", "b", ":v", 1)));
    assertEquals(Item.builder().map("a", Map.of("b", number(1), "c", number(2))).build(),
        update(item("a", map(Map.of())), "SET a.b = :one, a.c = :two", ":one", 1, ":two", 2),
        "sibling paths do not overlap");
  }

  @Test
  void updatedNamesAreTheTopLevelAttributesTouched() {
    UpdateExpression u = UpdateExpression.parse(
        "SET a.b = :v, #n = :v REMOVE c[1] ADD d :one DELETE e :s");
    assertEquals(Set.of("a", "named", "c", "d", "e"), u.updatedNames(Bindings.of("#n", "named")));
    assertEquals(Set.of("#n"), u.namePlaceholders());
    assertEquals(Set.of(":v", ":one", ":s"), u.valuePlaceholders());
  }

  @Test
  void undefinedPlaceholdersAreNamedBeforeAnythingIsRead() {
    UpdateExpression u = UpdateExpression.parse("SET #a = :v");
    assertTrue(assertThrows(ExpressionException.class, () -> u.apply(Item.empty(),
        Bindings.of(":v", 1))).getMessage().endsWith("attribute name: #a"));
    assertTrue(assertThrows(ExpressionException.class, () -> u.apply(Item.empty(),
        Bindings.of("#a", "x"))).getMessage().endsWith("attribute value: :v"));
  }

  @Test
  void functionsOtherThanIfNotExistsAndListAppendAreUnknownInUpdates() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET a = f(b, c)"));
    assertTrue(e.getMessage().contains("Invalid function name; function: f"), e.getMessage());
    assertEquals(8, e.position());
    assertThrows(ExpressionException.class, () -> UpdateExpression.parse("SET a = size(b)"));
    assertThrows(ExpressionException.class,
        () -> UpdateExpression.parse("SET c = if_not_exists(c, :a + :b)"));
  }

  @Test
  void theReadmeExampleTakesOneFromStockAndRecordsTheOrder() {
    ConditionExpression inStock =
        ConditionExpression.parse("attribute_exists(sku) AND qty > :min");
    UpdateExpression take = UpdateExpression.parse("SET qty = qty - :one ADD orders :id");
    Placeholders p = Placeholders.builder()
        .value(":min", number(0))
        .value(":one", number(1))
        .value(":id", stringSet("order-17"))
        .build();
    Item item = Item.builder().string("sku", "A-1").number("qty", 1).build();
    assertTrue(inStock.test(item, p));
    item = take.apply(item, p);
    assertEquals(Item.builder().string("sku", "A-1").number("qty", 0)
        .stringSet("orders", "order-17").build(), item);
    assertTrue(!inStock.test(item, p));
  }

  @Test
  void theOldItemIsNotChanged() {
    Item old = item("a", list(number(1), number(2)));
    update(old, "SET a[0] = :v REMOVE a[1]", ":v", 9);
    assertEquals(item("a", list(number(1), number(2))), old);
  }
}
