package dev.weir.table.expression;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed key condition, for a query: {@code pk = :v}, AND-ed (in either order, parentheses
 * allowed) with at most one condition on the sort key: {@code =}, {@code <}, {@code <=},
 * {@code >}, {@code >=}, {@code BETWEEN} or {@code begins_with}. A comparison may put the
 * {@code :value} first ({@code :v < sk} is {@code sk > :v}). Which attribute is which key is
 * known only when the condition is {@linkplain #bind bound} to a table or index. Parsed once,
 * immutable and thread-safe.
 */
public final class KeyCondition {

  /** One primitive condition: a top-level attribute tested against placeholders. */
  private record KeyTerm(AttributePath path, SortCondition.Op op, String value, String upper) {}

  private final String text;
  private final List<KeyTerm> terms;
  private final Set<String> namePlaceholders;
  private final Set<String> valuePlaceholders;

  private KeyCondition(String text, List<KeyTerm> terms, TokenCursor cursor) {
    this.text = text;
    this.terms = List.copyOf(terms);
    this.namePlaceholders = Set.copyOf(cursor.namePlaceholders());
    this.valuePlaceholders = Set.copyOf(cursor.valuePlaceholders());
  }

  /**
   * Parses {@code expression}. Refuses what no key schema could accept: OR, NOT, IN, {@code <>},
   * functions other than {@code begins_with}, {@code size}, nested paths, a comparison without
   * exactly one attribute and one {@code :value}, more than two conditions.
   */
  public static KeyCondition parse(String expression) {
    TokenCursor cursor = new TokenCursor(expression, ExpressionKind.KEY_CONDITION);
    Condition root = ConditionParser.parse(cursor);
    List<Condition> conditions = new ArrayList<>();
    flatten(root, conditions);
    List<KeyTerm> terms = new ArrayList<>();
    for (Condition condition : conditions) {
      terms.add(term(condition));
    }
    if (terms.size() > 2) {
      throw invalid("KeyConditionExpressions must only contain one condition per key");
    }
    return new KeyCondition(expression, terms, cursor);
  }

  /**
   * The condition against a key schema: {@code partitionKeyName} and, for a table or index with
   * a sort key, {@code sortKeyNameOrNull}. Refuses a condition that does not name the partition
   * key, names another attribute, tests the partition key with anything but {@code =}, names a
   * key twice, has an undefined placeholder, a value that no key can hold, {@code begins_with}
   * on anything but a string or binary, or {@code BETWEEN} bounds out of order or of two types.
   */
  public BoundKeyCondition bind(Placeholders placeholders, String partitionKeyName,
      String sortKeyNameOrNull) {
    Objects.requireNonNull(placeholders, "placeholders");
    Objects.requireNonNull(partitionKeyName, "partitionKeyName");
    KeyTerm partition = null;
    KeyTerm sort = null;
    for (KeyTerm term : terms) {
      String name = term.path().topLevelName(placeholders);
      if (name.equals(partitionKeyName)) {
        if (partition != null) {
          throw invalid("KeyConditionExpressions must only contain one condition per key");
        }
        partition = term;
      } else if (name.equals(sortKeyNameOrNull)) {
        if (sort != null) {
          throw invalid("KeyConditionExpressions must only contain one condition per key");
        }
        sort = term;
      } else {
        throw invalid("Query condition names " + name + ", which is not a key attribute (the "
            + "partition key is " + partitionKeyName + (sortKeyNameOrNull == null ? ""
            : ", the sort key " + sortKeyNameOrNull) + ")");
      }
    }
    if (partition == null) {
      throw invalid("The key condition does not name the partition key " + partitionKeyName
          + " (Query condition missed key schema element: " + partitionKeyName + ")");
    }
    if (partition.op() != SortCondition.Op.EQ) {
      throw invalid("Query key condition not supported: the partition key " + partitionKeyName
          + " can only be tested with =");
    }
    AttributeValue partitionValue = keyValue(placeholders, partition.value());
    return new BoundKeyCondition(partitionValue, sort == null ? null : sort(sort, placeholders));
  }

  /** The {@code #name} placeholders the expression uses. */
  public Set<String> namePlaceholders() {
    return namePlaceholders;
  }

  /** The {@code :value} placeholders the expression uses. */
  public Set<String> valuePlaceholders() {
    return valuePlaceholders;
  }

  private static SortCondition sort(KeyTerm term, Placeholders placeholders) {
    AttributeValue value = keyValue(placeholders, term.value());
    if (term.op() == SortCondition.Op.BEGINS_WITH && value.type() != AttributeType.S
        && value.type() != AttributeType.B) {
      throw invalid("Incorrect operand type for operator or function; operator or function: "
          + "begins_with, operand type: " + value.type());
    }
    AttributeValue upper = null;
    if (term.op() == SortCondition.Op.BETWEEN) {
      upper = keyValue(placeholders, term.upper());
      Between.checkBounds(value, upper, ExpressionKind.KEY_CONDITION);
    }
    return new SortCondition(term.op(), value, upper);
  }

  private static AttributeValue keyValue(Placeholders placeholders, String placeholder) {
    AttributeValue value = placeholders.value(placeholder);
    if (!ScalarOrder.isOrdered(value)) {
      throw invalid("A key condition compares a key with a string, a number or a binary, not "
          + value.type() + " (" + placeholder + ")");
    }
    return value;
  }

  private static void flatten(Condition condition, List<Condition> into) {
    if (condition instanceof Condition.And and) {
      and.operands().forEach(c -> flatten(c, into));
    } else if (condition instanceof Condition.Or) {
      throw invalid("Invalid operator used in KeyConditionExpression: OR");
    } else if (condition instanceof Condition.Not) {
      throw invalid("Invalid operator used in KeyConditionExpression: NOT");
    } else {
      into.add(condition);
    }
  }

  private static KeyTerm term(Condition condition) {
    if (condition instanceof Comparison c) {
      if (c.operator() == TokenKind.NE) {
        throw invalid("Invalid operator used in KeyConditionExpression: <>");
      }
      SortCondition.Op op = op(c.operator());
      if (c.left() instanceof ValuePlaceholder v && c.right() instanceof Operand.Path p) {
        return new KeyTerm(topLevel(p), reversed(op), v.placeholder(), null);
      }
      return new KeyTerm(topLevel(c.left()), op, value(c.right()), null);
    }
    if (condition instanceof Between b) {
      return new KeyTerm(topLevel(b.subject()), SortCondition.Op.BETWEEN, value(b.lower()),
          value(b.upper()));
    }
    if (condition instanceof FunctionCondition f
        && f.function() == FunctionCondition.Function.BEGINS_WITH) {
      return new KeyTerm(topLevel(f.arguments().get(0)), SortCondition.Op.BEGINS_WITH,
          value(f.arguments().get(1)), null);
    }
    String operator = condition instanceof In ? "IN"
        : ((FunctionCondition) condition).function().spelling;
    throw invalid("Invalid operator used in KeyConditionExpression: " + operator);
  }

  private static AttributePath topLevel(Operand operand) {
    if (operand instanceof Operand.Size) {
      throw invalid("Invalid operator used in KeyConditionExpression: size");
    }
    if (!(operand instanceof Operand.Path p)) {
      throw invalid("A key condition compares a key attribute with a :value");
    }
    if (p.path().depth() > 1) {
      throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
    }
    return p.path();
  }

  private static String value(Operand operand) {
    if (operand instanceof Operand.Size) {
      throw invalid("Invalid operator used in KeyConditionExpression: size");
    }
    if (!(operand instanceof ValuePlaceholder v)) {
      throw invalid("A key condition compares a key attribute with a :value");
    }
    return v.placeholder();
  }

  private static SortCondition.Op op(TokenKind operator) {
    return switch (operator) {
      case EQ -> SortCondition.Op.EQ;
      case LT -> SortCondition.Op.LT;
      case LE -> SortCondition.Op.LE;
      case GT -> SortCondition.Op.GT;
      case GE -> SortCondition.Op.GE;
      default -> throw new IllegalArgumentException("not a key comparator: " + operator);
    };
  }

  /** The operator with its operands swapped: {@code :v < k} is {@code k > :v}. */
  private static SortCondition.Op reversed(SortCondition.Op op) {
    return switch (op) {
      case LT -> SortCondition.Op.GT;
      case LE -> SortCondition.Op.GE;
      case GT -> SortCondition.Op.LT;
      case GE -> SortCondition.Op.LE;
      default -> op;
    };
  }

  private static ExpressionException invalid(String message) {
    return new ExpressionException(ExpressionKind.KEY_CONDITION.invalid() + message);
  }

  /** The expression's text, as given. */
  @Override
  public String toString() {
    return text;
  }
}
