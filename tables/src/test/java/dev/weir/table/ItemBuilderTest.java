package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemBuilderTest {

  @Test
  void aBuilderChangedAfterBuildLeavesTheBuiltItemAlone() {
    Item.Builder builder = Item.builder().string("a", "1");
    Item first = builder.build();
    builder.string("b", "2").remove("a");
    Item second = builder.build();
    builder.string("c", "3");

    assertEquals(Item.builder().string("a", "1").build(), first);
    assertEquals(Item.builder().string("b", "2").build(), second);
    assertEquals(1, first.attributeCount());
    assertThrows(UnsupportedOperationException.class, () -> first.attributes().remove("a"));
  }

  @Test
  void smallAndLargeItemsKeepOrderReplacementsAndRemovalsLikeALinkedHashMap() {
    Random random = new Random(14);
    for (int round = 0; round < 200; round++) {
      Item.Builder builder = Item.builder();
      Map<String, AttributeValue> model = new LinkedHashMap<>();
      for (int step = 0; step < 30; step++) {
        String name = "a" + random.nextInt(12);
        if (random.nextInt(4) == 0) {
          builder.remove(name);
          model.remove(name);
        } else {
          AttributeValue value = AttributeValue.number(random.nextInt(100));
          builder.attribute(name, value);
          model.put(name, value);
        }
        Item item = builder.build();
        assertEquals(model, item.attributes(), "round " + round + " step " + step);
        assertEquals(item.attributes(), model);
        assertEquals(model.hashCode(), item.hashCode());
        assertEquals(List.copyOf(model.keySet()), List.copyOf(item.names()));
        assertEquals(model.toString(), item.toString());
        assertEquals(Item.of(model), item);
        for (String probe : List.of("a0", "a5", "a11", "zz")) {
          assertEquals(model.get(probe), item.get(probe));
          assertEquals(model.containsKey(probe), item.contains(probe));
        }
      }
    }
  }

  @Test
  void integersKeepTheirValueWhenNormalized() {
    assertEquals(new BigDecimal("30"), AttributeValue.number(30).value());
    assertEquals(0, AttributeValue.number(new BigDecimal("30")).value().scale());
    assertEquals(AttributeValue.number("3E+1"), AttributeValue.number(30));
    assertEquals(AttributeValue.number("1" + "0".repeat(40)).value(),
        new BigDecimal("1E+40").setScale(0));
    assertThrows(ItemValidationException.class,
        () -> AttributeValue.number(new BigDecimal("1".repeat(39))));
  }
}
