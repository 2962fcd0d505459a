package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributePathTest {

  private static final Item ITEM = Item.builder()
      .map("a", Map.of("b", list(number(0), number(1), map(Map.of("c", string("deep"))))))
      .build();

  @Test
  void aPathResolvesThroughMapsAndListsOrToNull() {
    Placeholders named = Bindings.of("#b", "b");
    assertEquals(string("deep"), AttributePath.parse("a.#b[2].c").resolve(ITEM, named));
    assertEquals(number(1), AttributePath.parse("a . b [ 1 ]").resolve(ITEM, named));
    assertNull(AttributePath.parse("a.b[3]").resolve(ITEM, named));
    assertNull(AttributePath.parse("a.b.c").resolve(ITEM, named));
    assertNull(AttributePath.parse("a[0]").resolve(ITEM, named));
    assertNull(AttributePath.parse("a.b[0].c").resolve(ITEM, named));
    assertNull(AttributePath.parse("a").resolve(null, named));
  }

  @Test
  void theTopLevelNameIsBoundFromItsPlaceholder() {
    AttributePath path = AttributePath.parse("#x.y[0]");
    assertEquals("real", path.topLevelName(Bindings.of("#x", "real")));
    assertEquals(Set.of("#x"), path.namePlaceholders());
    assertEquals(3, path.depth());
    assertEquals("#x.y[0]", path.toString());
    assertEquals(path, AttributePath.parse("#x . y [0]"));
    ExpressionException undefined = assertThrows(ExpressionException.class,
        () -> path.topLevelName(Placeholders.NONE));
    assertEquals("An expression attribute name used in the document path is not defined; "
        + "attribute name: #x", undefined.getMessage());
    assertThrows(ExpressionException.class, () -> path.topLevelName(Bindings.of("#x", "")));
  }

  @Test
  void anAttributeNameIsTakenLiterallyWhenGivenAsOne() {
    Item dotted = Item.builder().string("a.b[1]", "flat").build();
    assertEquals(string("flat"), AttributePath.ofAttribute("a.b[1]")
        .resolve(dotted, Placeholders.NONE));
    assertEquals("a.b[1]", AttributePath.ofAttribute("a.b[1]").topLevelName(Placeholders.NONE));
  }

  @Test
  void aPathStartsWithANameAndEndsWhereTheTextEnds() {
    for (String text : new String[] {"[0]", "a.", "a[0", "a b", ":v", "a..b", "a.[0]"}) {
      assertThrows(ExpressionException.class, () -> AttributePath.parse(text), text);
    }
  }
}
