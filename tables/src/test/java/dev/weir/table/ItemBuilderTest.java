package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
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
