package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Projections, on the cases DynamoDB's behaviour is known for. */
class ProjectionExpressionTest {

  private static final Item ITEM = Item.builder()
      .string("p", "key")
      .map("a", Map.of("b", list(number(2), number(4), map(Map.of("x", string("hi"),
          "y", string("yo")))), "c", number(5)))
      .string("b", "hello")
      .build();

  private static Item project(String expression, Object... bindings) {
    return ProjectionExpression.parse(expression).apply(ITEM, Bindings.of(bindings));
  }

  private static Item a(Object value) {
    return Item.builder().attribute("a", (dev.weir.table.AttributeValue) value).build();
  }

  @Test
  void topLevelAttributesAreKeptAndTheRestDropped() {
    assertEquals(Item.builder().string("b", "hello").build(), project("b"));
    assertEquals(Item.builder().string("p", "key").string("b", "hello").build(),
        project(" p  ,   b  "));
    assertEquals(Item.empty(), project("nowhere"));
  }

  @Test
  void aNestedPathKeepsItsPlaceInTheStructure() {
    assertEquals(a(map(Map.of("b", ITEM.getMap("a").get("b")))), project("a.b"));
    assertEquals(a(map(Map.of("b", list(number(2))))), project("a.b[0]"));
    assertEquals(a(map(Map.of("b", list(map(Map.of("y", string("yo"))))))), project("a.b[2].y"));
    assertEquals(a(map(Map.of("b", list(number(2), number(4))))), project("a.b[1], a.b[0]"),
        "elements keep their order in the list");
    assertEquals(a(map(Map.of("b", list(number(2)), "c", number(5)))), project("a.b[0],a.c"));
    assertEquals(Item.builder().map("a", Map.of("c", number(5))).string("b", "hello").build(),
        project("a.c,b"));
  }

  @Test
  void pathsThatLeadNowhereAddNothing() {
    for (String expression : List.of("a.b[3]", "a.x", "a.x.y", "a.b[3].x", "a.b.x", "a[0]",
        "a.b[0].x", "a.b[0][0]", "b.c", "b[0]")) {
      assertEquals(Item.empty(), project(expression), expression);
    }
    assertEquals(a(map(Map.of("b", list(number(2))))), project("a.x, a.b[0], x, a.b[3].x"));
  }

  @Test
  void aNamePlaceholderIsOneWholeSegment() {
    Item dotted = Item.builder().string("a.b", "hi").map("a", Map.of("b", string("yo"),
        "c", string("jo"))).build();
    ProjectionExpression byName = ProjectionExpression.parse("#n");
    assertEquals(Item.builder().string("a.b", "hi").build(),
        byName.apply(dotted, Bindings.of("#n", "a.b")));
    assertEquals(Item.builder().map("a", Map.of("b", string("yo"))).build(),
        ProjectionExpression.parse("#n1.#n2").apply(dotted, Bindings.of("#n1", "a", "#n2", "b")));
    assertEquals(Set.of("#n1", "#n2"), ProjectionExpression.parse("#n1.#n2").namePlaceholders());
  }

  @Test
  void overlappingOrConflictingPathsAreRefused() {
    for (String expression : List.of("a, a", "a.b, a.b", "a[1], a[1]", "a, a.b", "a.b, a",
        "a.b, a.b[2]", "a.b, a.b.c", "a, a.b[2].c", "a.b.d, a.b", "a.b.d.e, a.b")) {
      ExpressionException e = assertThrows(ExpressionException.class,
          () -> ProjectionExpression.parse(expression), expression);
      assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }
    for (String expression : List.of("a, b", "a.b, a.c", "a.b.d, a.b.e", "a[1], a[2]",
        "a.b, a.c[2]")) {
      assertDoesNotThrow(() -> ProjectionExpression.parse(expression), expression);
    }
    assertTrue(assertThrows(ExpressionException.class,
        () -> ProjectionExpression.parse("a.b, a[1]")).getMessage().contains("conflict"));
    ProjectionExpression twoNames = ProjectionExpression.parse("#x, #y");
    assertThrows(ExpressionException.class,
        () -> twoNames.apply(ITEM, Bindings.of("#x", "a", "#y", "a")));
  }

  @Test
  void aDanglingCommaIsASyntaxError() {
    for (String expression : List.of("a,", ",a", "a,,b")) {
      assertThrows(ExpressionException.class, () -> ProjectionExpression.parse(expression));
    }
  }

  @Test
  void topLevelNamesAreWhatTheProjectionReads() {
    ProjectionExpression p = ProjectionExpression.parse("a.b[1], #n, c");
    assertEquals(List.of("a", "named", "c"),
        List.copyOf(p.topLevelNames(Bindings.of("#n", "named"))));
    assertEquals(Set.of(), p.valuePlaceholders());
    assertEquals(3, p.paths().size());
  }
}
