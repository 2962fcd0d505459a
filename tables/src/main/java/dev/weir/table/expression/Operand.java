package dev.weir.table.expression;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.function.Predicate;

/**
 * A value a condition reads: an item's attribute at a path, a {@code :value} placeholder, or
 * {@code size(...)} of either. Absent (null) when the path leads nowhere or size has no meaning
 * for the value's type; conditions treat an absent operand as DynamoDB does.
 */
sealed interface Operand permits Operand.Path, ValuePlaceholder, Operand.Size {

  /** The value in {@code item} (never null: an absent item is an empty one), or null. */
  AttributeValue evaluate(Item item, Placeholders placeholders);

  /** Refuses what {@code placeholders} cannot give this operand, before any item is read. */
  void check(Placeholders placeholders);

  /** The bound value when this operand is a {@code :value} placeholder, else null. */
  default AttributeValue constant(Placeholders placeholders) {
    return null;
  }

  /**
   * Refuses a {@code :value} of a type {@code function} cannot take: DynamoDB rejects such a
   * request outright, while the same type read from an item only makes the condition false.
   */
  default void requireConstantType(Placeholders placeholders, String function,
      Predicate<AttributeValue> allowed) {
    AttributeValue constant = constant(placeholders);
    if (constant != null && !allowed.test(constant)) {
      throw incorrectOperandType(function, constant.type().name());
    }
  }

  static ExpressionException incorrectOperandType(String function, String type) {
    return new ExpressionException(ExpressionKind.CONDITION.invalid()
        + "Incorrect operand type for operator or function; operator or function: " + function
        + ", operand type: " + type);
  }

  /** An item's attribute. */
  record Path(AttributePath path) implements Operand {
    @Override
    public AttributeValue evaluate(Item item, Placeholders placeholders) {
      return path.resolve(item, placeholders);
    }

    @Override
    public void check(Placeholders placeholders) {
      path.bind(placeholders);
    }
  }

  /**
   * {@code size(x)}: a string's length in UTF-16 code units (what DynamoDB counts), a binary's
   * bytes, a set's members, a list's elements, a map's entries; absent for the other types.
   */
  record Size(Operand argument) implements Operand {
    @Override
    public AttributeValue evaluate(Item item, Placeholders placeholders) {
      AttributeValue value = argument.evaluate(item, placeholders);
      long size;
      if (value instanceof AttributeValue.StringValue s) {
        size = s.value().length();
      } else if (value instanceof AttributeValue.BinaryValue b) {
        size = b.value().length();
      } else if (value instanceof AttributeValue.ListValue l) {
        size = l.values().size();
      } else if (value instanceof AttributeValue.MapValue m) {
        size = m.values().size();
      } else if (value instanceof AttributeValue.StringSetValue ss) {
        size = ss.members().size();
      } else if (value instanceof AttributeValue.NumberSetValue ns) {
        size = ns.members().size();
      } else if (value instanceof AttributeValue.BinarySetValue bs) {
        size = bs.members().size();
      } else {
        return null;
      }
      return AttributeValue.number(size);
    }

    @Override
    public void check(Placeholders placeholders) {
      argument.check(placeholders);
      argument.requireConstantType(placeholders, "size", v -> v.type() != AttributeType.N
          && v.type() != AttributeType.BOOL && v.type() != AttributeType.NULL);
    }
  }
}
