package dev.weir.table.expression;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.AttributeValue.ListValue;
import dev.weir.table.AttributeValue.NumberValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.ItemValidationException;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side of a {@code SET} action: an attribute of the item as it was, a
 * {@code :value}, {@code if_not_exists(path, value)}, {@code list_append(a, b)}, or one
 * {@code +} or {@code -} between two of those. Every path is read from the item before the
 * update, so {@code SET a = b, b = a} swaps.
 */
sealed interface SetValue permits SetValue.Path, ValuePlaceholder, SetValue.IfNotExists,
    SetValue.ListAppend, SetValue.Arithmetic {

  /** The value to set, computed from the item before the update. */
  AttributeValue evaluate(Item old, Placeholders placeholders);

  /** Refuses undefined placeholders and constants of a type the function cannot take. */
  void check(Placeholders placeholders);

  /** The bound value when this is a {@code :value} placeholder, else null. */
  default AttributeValue constant(Placeholders placeholders) {
    return null;
  }

  static ExpressionException missingAttribute() {
    return new ExpressionException(ExpressionKind.UPDATE.invalid()
        + "The provided expression refers to an attribute that does not exist in the item");
  }

  static ExpressionException incorrectDataType() {
    return new ExpressionException(ExpressionKind.UPDATE.invalid()
        + "An operand in the update expression has an incorrect data type");
  }

  /** The number {@code value}, refused when outside DynamoDB's 38 digits and range. */
  static NumberValue number(BigDecimal value) {
    try {
      return AttributeValue.number(value);
    } catch (ItemValidationException e) {
      throw new ExpressionException(ExpressionKind.UPDATE.invalid()
          + "The result of the update is not a storable number: " + e.getMessage());
    }
  }

  /** Refuses a {@code :value} argument of {@code function} that is not of {@code type}. */
  private static void requireConstant(SetValue argument, Placeholders placeholders,
      String function, AttributeType type) {
    AttributeValue constant = argument.constant(placeholders);
    if (constant != null && constant.type() != type) {
      throw new ExpressionException(ExpressionKind.UPDATE.invalid()
          + "Incorrect operand type for operator or function; operator or function: " + function
          + ", operand type: " + constant.type());
    }
  }

  record Path(AttributePath path) implements SetValue {
    @Override
    public AttributeValue evaluate(Item old, Placeholders placeholders) {
      AttributeValue value = path.resolve(old, placeholders);
      if (value == null) {
        throw missingAttribute();
      }
      return value;
    }

    @Override
    public void check(Placeholders placeholders) {
      path.bind(placeholders);
    }
  }

  /** The attribute at {@code path} when the item has it, else {@code fallback}. */
  record IfNotExists(AttributePath path, SetValue fallback) implements SetValue {
    @Override
    public AttributeValue evaluate(Item old, Placeholders placeholders) {
      AttributeValue existing = path.resolve(old, placeholders);
      return existing != null ? existing : fallback.evaluate(old, placeholders);
    }

    @Override
    public void check(Placeholders placeholders) {
      path.bind(placeholders);
      fallback.check(placeholders);
    }
  }

  /** The elements of {@code first} followed by those of {@code second}. */
  record ListAppend(SetValue first, SetValue second) implements SetValue {
    @Override
    public AttributeValue evaluate(Item old, Placeholders placeholders) {
      AttributeValue a = first.evaluate(old, placeholders);
      AttributeValue b = second.evaluate(old, placeholders);
      if (!(a instanceof ListValue x) || !(b instanceof ListValue y)) {
        throw incorrectDataType();
      }
      List<AttributeValue> joined = new ArrayList<>(x.values());
      joined.addAll(y.values());
      return AttributeValue.list(joined);
    }

    @Override
    public void check(Placeholders placeholders) {
      first.check(placeholders);
      second.check(placeholders);
      requireConstant(first, placeholders, "list_append", AttributeType.L);
      requireConstant(second, placeholders, "list_append", AttributeType.L);
    }
  }

  /** {@code left + right} or {@code left - right}, on numbers, exactly. */
  record Arithmetic(SetValue left, boolean subtract, SetValue right) implements SetValue {
    @Override
    public AttributeValue evaluate(Item old, Placeholders placeholders) {
      AttributeValue a = left.evaluate(old, placeholders);
      AttributeValue b = right.evaluate(old, placeholders);
      if (!(a instanceof NumberValue x) || !(b instanceof NumberValue y)) {
        throw incorrectDataType();
      }
      return number(
          subtract ? x.value().subtract(y.value()) : x.value().add(y.value()));
    }

    @Override
    public void check(Placeholders placeholders) {
      left.check(placeholders);
      right.check(placeholders);
      String operator = subtract ? "-" : "+";
      requireConstant(left, placeholders, operator, AttributeType.N);
      requireConstant(right, placeholders, operator, AttributeType.N);
    }
  }
}
