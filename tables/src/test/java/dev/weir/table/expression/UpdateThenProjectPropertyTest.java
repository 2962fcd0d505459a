package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** What an update sets, a projection of the same paths reads back, and nothing else. */
class UpdateThenProjectPropertyTest {

  private static final Item BASE = Item.builder()
      .map("m", Map.of("x", number(1), "l", list(number(0), number(1), number(2))))
      .string("t", "s")
      .build();

  /** Paths no two of which overlap, into the base item's maps and list and beside them. */
  private static final List<String> PATHS = List.of("m.k0", "m.k1", "m.#k", "m.x", "m.l[0]",
      "m.l[2]", "n0", "#top", "t");

  /** The key of map {@code m} each nested path reaches. */
  private static final Map<String, String> KEY_IN_M = Map.of("m.k0", "k0", "m.k1", "k1",
      "m.#k", "k2", "m.x", "x", "m.l[0]", "l", "m.l[2]", "l");

  @Property(tries = 500, seed = "2718")
  void projectingTheUpdatedPathsReadsBackWhatWasSet(@ForAll long seed) {
    Random random = new Random(seed);
    List<String> chosen = new ArrayList<>(PATHS);
    Collections.shuffle(chosen, random);
    chosen = chosen.subList(0, 1 + random.nextInt(chosen.size()));
    Placeholders.Builder p = Placeholders.builder().name("#k", "k2").name("#top", "n1");
    StringBuilder set = new StringBuilder("SET ");
    for (int i = 0; i < chosen.size(); i++) {
      set.append(i == 0 ? "" : ", ").append(chosen.get(i)).append(" = :v").append(i);
      p.value(":v" + i, number(100 + i));
    }
    Placeholders placeholders = p.build();
    Item updated = UpdateExpression.parse(set.toString()).apply(BASE, placeholders);
    Item projected = ProjectionExpression.parse(String.join(", ", chosen))
        .apply(updated, placeholders);

    Set<String> expectedTop = new TreeSet<>();
    Set<String> expectedMapKeys = new TreeSet<>();
    Map<Integer, AttributeValue> expectedElements = new TreeMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      AttributePath path = AttributePath.parse(chosen.get(i));
      assertEquals(number(100 + i), path.resolve(updated, placeholders), chosen.get(i));
      if (chosen.get(i).startsWith("m.l[")) {
        // a projected list holds just the projected elements, in their order
        expectedElements.put(chosen.get(i).equals("m.l[0]") ? 0 : 2, number(100 + i));
      } else {
        assertEquals(number(100 + i), path.resolve(projected, placeholders), chosen.get(i));
      }
      expectedTop.add(path.topLevelName(placeholders));
      if (KEY_IN_M.containsKey(chosen.get(i))) {
        expectedMapKeys.add(KEY_IN_M.get(chosen.get(i)));
      }
    }
    assertEquals(expectedTop, new TreeSet<>(projected.names()), set.toString());
    if (projected.contains("m")) {
      assertEquals(expectedMapKeys, new TreeSet<>(projected.getMap("m").keySet()), set.toString());
    }
    if (!expectedElements.isEmpty()) {
      assertEquals(list(new ArrayList<>(expectedElements.values())),
          projected.getMap("m").get("l"), set.toString());
    }
  }

  @Test
  void aNestedUpdateThenItsProjectionOnTheDocumentedExample() {
    Item product = Item.builder().number("Id", 789)
        .map("ProductReviews", Map.of("FiveStar", list(string("Excellent!"))))
        .list("RelatedItems", List.of(number(341), number(472), number(649)))
        .build();
    Item updated = UpdateExpression.parse(
            "SET ProductReviews.OneStar = :one, RelatedItems[1] = :r REMOVE RelatedItems[2]")
        .apply(product, Bindings.of(":one", list(string("Awful")), ":r", 500));
    Item projected = ProjectionExpression.parse("ProductReviews.OneStar, RelatedItems[1]")
        .apply(updated, Placeholders.NONE);
    assertEquals(Item.builder()
        .map("ProductReviews", Map.of("OneStar", list(string("Awful"))))
        .list("RelatedItems", List.of(number(500)))
        .build(), projected);
    Set<String> touched = new LinkedHashSet<>(List.of("ProductReviews", "RelatedItems"));
    assertEquals(touched, UpdateExpression.parse(
        "SET ProductReviews.OneStar = :one, RelatedItems[1] = :r REMOVE RelatedItems[2]")
        .updatedNames(Placeholders.NONE));
    AttributeValue unchanged = updated.get("Id");
    assertEquals(number(789), unchanged);
    assertEquals(map(Map.of("FiveStar", list(string("Excellent!")),
        "OneStar", list(string("Awful")))), updated.get("ProductReviews"));
  }
}
