package dev.weir.table.expression;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed DynamoDB update: {@code SET} (with {@code +}, {@code -}, {@code if_not_exists} and
 * {@code list_append}), {@code REMOVE}, {@code ADD} (numbers and sets) and {@code DELETE} (sets),
 * on top-level or nested paths. Every operand is read from the item as it was before the update,
 * and the actions take effect together. Parsed once, immutable and thread-safe.
 *
 * <pre>{@code
 * UpdateExpression bump =
 *     UpdateExpression.parse("SET visits = if_not_exists(visits, :zero) + :one");
 * Item after = bump.apply(before, placeholders);
 * }</pre>
 */
public final class UpdateExpression {

  private final String text;
  private final List<UpdateAction> actions;
  private final Set<String> namePlaceholders;
  private final Set<String> valuePlaceholders;

  private UpdateExpression(String text, List<UpdateAction> actions, TokenCursor cursor) {
    this.text = text;
    this.actions = actions;
    this.namePlaceholders = Set.copyOf(cursor.namePlaceholders());
    this.valuePlaceholders = Set.copyOf(cursor.valuePlaceholders());
  }

  /** Parses {@code expression}; a syntax error names its position and token. */
  public static UpdateExpression parse(String expression) {
    TokenCursor cursor = new TokenCursor(expression, ExpressionKind.UPDATE);
    return new UpdateExpression(expression, UpdateParser.parse(cursor), cursor);
  }

  /**
   * The item {@code oldOrEmpty} becomes ({@link Item#empty()} when there was none). Refused with
   * an {@link ExpressionException}, DynamoDB's way, for: an undefined placeholder; overlapping or
   * conflicting paths once names are bound; a path into an absent or mistyped parent; a
   * {@code SET} operand that names an absent attribute; arithmetic on a non-number;
   * {@code list_append} on a non-list; {@code ADD} of anything but a number or a set, or onto a
   * value of another type; {@code DELETE} of anything but a set of the old set's type; a number
   * result outside DynamoDB's range.
   */
  public Item apply(Item oldOrEmpty, Placeholders placeholders) {
    Objects.requireNonNull(oldOrEmpty, "oldOrEmpty");
    Objects.requireNonNull(placeholders, "placeholders");
    PathTree<Boolean> paths = new PathTree<>();
    for (UpdateAction action : actions) {
      paths.add(action.path().bind(placeholders), Boolean.TRUE, UpdateExpression::refusal);
    }
    for (UpdateAction action : actions) {
      action.check(placeholders);
    }
    PathTree<DocumentChange> changes = new PathTree<>();
    for (UpdateAction action : actions) {
      changes.add(action.path().bind(placeholders), action.change(oldOrEmpty, placeholders),
          UpdateExpression::refusal);
    }
    return DocumentUpdate.apply(oldOrEmpty, changes);
  }

  /** The top-level attributes the update sets, removes, adds to or deletes from. */
  public Set<String> updatedNames(Placeholders placeholders) {
    Set<String> names = new LinkedHashSet<>();
    for (UpdateAction action : actions) {
      names.add(action.path().topLevelName(placeholders));
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

  private static ExpressionException refusal(String message) {
    return new ExpressionException(ExpressionKind.UPDATE.invalid() + message);
  }

  /** The expression's text, as given. */
  @Override
  public String toString() {
    return text;
  }
}
