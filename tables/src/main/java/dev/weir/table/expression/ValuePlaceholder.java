package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;

/** A {@code :value} placeholder, read the same way by conditions and by SET actions. */
record ValuePlaceholder(String placeholder) implements Operand, SetValue {

  @Override
  public AttributeValue evaluate(Item item, Placeholders placeholders) {
    return placeholders.value(placeholder);
  }

  @Override
  public void check(Placeholders placeholders) {
    placeholders.value(placeholder);
  }

  @Override
  public AttributeValue constant(Placeholders placeholders) {
    return placeholders.value(placeholder);
  }
}
