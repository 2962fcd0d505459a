package dev.weir.table.expression;

import dev.weir.table.Item;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed DynamoDB condition, for a write's condition expression and for a query's or scan's
 * filter expression: comparisons ({@code = <> < <= > >=}), {@code BETWEEN}, {@code IN},
 * {@code AND}/{@code OR}/{@code NOT} with parentheses, and the functions
 * {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type},
 * {@code begins_with}, {@code contains} and {@code size}.
 *
 * <p>Parsed once, immutable and thread-safe; placeholders are given at each evaluation, so one
 * instance serves any number of requests.
 *
 * <pre>{@code
 * ConditionExpression inStock = ConditionExpression.parse("attribute_exists(sku) AND qty > :min");
 * boolean ok = inStock.test(item, Placeholders.ofValues(Map.of(":min", AttributeValue.number(0))));
 * }</pre>
 */
public final class ConditionExpression {

  private final String text;
  private final Condition root;
  private final List<AttributePath> paths;
  private final Set<String> namePlaceholders;
  private final Set<String> valuePlaceholders;

  private ConditionExpression(String text, Condition root, TokenCursor cursor) {
    this.text = text;
    this.root = root;
    this.paths = List.copyOf(cursor.paths());
    this.namePlaceholders = Set.copyOf(cursor.namePlaceholders());
    this.valuePlaceholders = Set.copyOf(cursor.valuePlaceholders());
  }

  /** Parses {@code expression}; a syntax error names its position and token. */
  public static ConditionExpression parse(String expression) {
    TokenCursor cursor = new TokenCursor(expression, ExpressionKind.CONDITION);
    return new ConditionExpression(expression, ConditionParser.parse(cursor), cursor);
  }

  /**
   * Whether {@code itemOrNull} satisfies the condition. A null item is an item that does not
   * exist: {@code attribute_not_exists(pk)} is true of it, comparisons with its attributes are
   * false. An undefined placeholder, or a {@code :value} of a type an operator cannot take, is an
   * {@link dev.weir.table.ExpressionException}, whatever the item.
   */
  public boolean test(Item itemOrNull, Placeholders placeholders) {
    return bind(placeholders).test(itemOrNull);
  }

  /**
   * This condition with {@code placeholders} checked once, for testing many items (a filter over
   * a scan). The predicate is immutable and thread-safe; it accepts null for an absent item.
   */
  public Predicate<Item> bind(Placeholders placeholders) {
    Objects.requireNonNull(placeholders, "placeholders");
    root.check(placeholders);
    return item -> root.evaluate(item == null ? Item.empty() : item, placeholders);
  }

  /** The top-level attributes the condition reads. */
  public Set<String> topLevelNames(Placeholders placeholders) {
    Set<String> names = new LinkedHashSet<>();
    for (AttributePath path : paths) {
      names.add(path.topLevelName(placeholders));
    }
    return Collections.unmodifiableSet(names);
  }

  /** The {@code #name} placeholders the expression uses. */
  public Set<String> namePlaceholders() {
    return namePlaceholders;
  }

  /** The {@code :value} placeholders the expression uses. */
  public Set<String> valuePlaceholders() {
    return valuePlaceholders;
  }

  /** The expression's text, as given. */
  @Override
  public String toString() {
    return text;
  }
}
