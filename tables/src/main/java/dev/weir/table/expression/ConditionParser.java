package dev.weir.table.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over DynamoDB's condition grammar, with its precedence (comparisons, IN,
 * BETWEEN and functions bind tightest, then NOT, then AND, then OR):
 *
 * <pre>
 * or       := and (OR and)*
 * and      := not (AND not)*
 * not      := NOT not | primary
 * primary  := '(' or ')'
 *           | operand comparator operand
 *           | operand BETWEEN operand AND operand
 *           | operand IN '(' operand (',' operand)* ')'
 *           | function '(' operand (',' operand)* ')'      boolean functions
 * operand  := path | :value | size '(' operand ')'
 * </pre>
 *
 * <p>Keywords are case-insensitive, function names case-sensitive. Operands are not
 * parenthesized (DynamoDB's documented grammar parenthesizes conditions only), which keeps the
 * grammar free of backtracking. Used by one parse, on one thread.
 */
final class ConditionParser {
  private static final String MISUSED = "The function is not allowed to be used this way in an "
      + "expression; function: ";

  private final TokenCursor cursor;

  private ConditionParser(TokenCursor cursor) {
    this.cursor = cursor;
  }

  /** The whole of {@code cursor}'s expression as one condition. */
  static Condition parse(TokenCursor cursor) {
    Condition condition = new ConditionParser(cursor).or();
    cursor.expectEnd();
    return condition;
  }

  private Condition or() {
    List<Condition> operands = new ArrayList<>();
    operands.add(and());
    while (cursor.atKeyword("OR")) {
      cursor.advance();
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition and() {
    List<Condition> operands = new ArrayList<>();
    operands.add(not());
    while (cursor.atKeyword("AND")) {
      cursor.advance();
      operands.add(not());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  private Condition not() {
    if (!cursor.atKeyword("NOT")) {
      return primary();
    }
    Token not = cursor.advance();
    cursor.enter(not);
    Condition operand = not();
    cursor.leave();
    return new Condition.Not(operand);
  }

  private Condition primary() {
    if (cursor.at(TokenKind.LEFT_PAREN)) {
      Token open = cursor.advance();
      cursor.enter(open);
      Condition inner = or();
      cursor.expect(TokenKind.RIGHT_PAREN, ")");
      cursor.leave();
      return inner;
    }
    Term first = term();
    Token next = cursor.peek();
    if (next.kind().isComparator()) {
      cursor.advance();
      Term second = term();
      Operand left = operand(first);
      Operand right = operand(second);
      requireDistinct(Comparison.symbol(next.kind()), left, right, first.start());
      return new Comparison(next.kind(), left, right);
    }
    if (next.isKeyword("BETWEEN")) {
      cursor.advance();
      Operand lower = operand(term());
      cursor.expectKeyword("AND");
      Operand upper = operand(term());
      return new Between(operand(first), lower, upper);
    }
    if (next.isKeyword("IN")) {
      return in(operand(first), cursor.advance());
    }
    if (first.condition() != null) {
      return first.condition();
    }
    if (first.operand() instanceof Operand.Size) {
      throw cursor.error(MISUSED + "size", first.start());
    }
    throw cursor.syntaxError("expected a comparator, BETWEEN or IN", next);
  }

  private Condition in(Operand subject, Token in) {
    cursor.expect(TokenKind.LEFT_PAREN, "( after IN");
    List<Operand> candidates = new ArrayList<>();
    do {
      candidates.add(operand(term()));
    } while (cursor.accept(TokenKind.COMMA));
    cursor.expect(TokenKind.RIGHT_PAREN, ")");
    if (candidates.size() > ExpressionLimits.MAX_IN_VALUES) {
      throw cursor.error("The IN operator is provided with too many operands; number of "
          + "operands: " + candidates.size() + " (at most " + ExpressionLimits.MAX_IN_VALUES
          + " values)", in);
    }
    return new In(subject, candidates);
  }

  /** An operand, or a call of a boolean function (which only a condition may be). */
  private record Term(Token start, Operand operand, Condition condition) {}

  private Term term() {
    Token start = cursor.peek();
    switch (start.kind()) {
      case VALUE_PLACEHOLDER -> {
        cursor.advance();
        return new Term(start, new ValuePlaceholder(cursor.valuePlaceholder(start)), null);
      }
      case NAME -> {
        if (cursor.peekSecond().kind() == TokenKind.LEFT_PAREN) {
          return call();
        }
        return new Term(start, new Operand.Path(cursor.path()), null);
      }
      case NAME_PLACEHOLDER -> {
        return new Term(start, new Operand.Path(cursor.path()), null);
      }
      default -> throw cursor.syntaxError("expected an attribute, a :value or a function", start);
    }
  }

  private Term call() {
    Token name = cursor.advance();
    cursor.advance();
    cursor.enter(name);
    List<Term> arguments = new ArrayList<>();
    do {
      arguments.add(term());
    } while (cursor.accept(TokenKind.COMMA));
    cursor.expect(TokenKind.RIGHT_PAREN, ")");
    cursor.leave();
    if (name.text().equals("size")) {
      requireArity("size", 1, arguments, name);
      return new Term(name, new Operand.Size(operand(arguments.get(0))), null);
    }
    FunctionCondition.Function function = FunctionCondition.Function.named(name.text());
    if (function == null) {
      if (name.text().equals("if_not_exists") || name.text().equals("list_append")) {
        throw cursor.error(MISUSED + name.text(), name);
      }
      throw cursor.error("Invalid function name; function: " + name.text(), name);
    }
    requireArity(function.spelling, function.arity, arguments, name);
    List<Operand> operands = new ArrayList<>();
    for (Term argument : arguments) {
      operands.add(operand(argument));
    }
    switch (function) {
      case ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS -> {
        if (!(operands.get(0) instanceof Operand.Path)) {
          throw cursor.error("Operator or function requires a document path; operator or "
              + "function: " + function.spelling, arguments.get(0).start());
        }
      }
      case ATTRIBUTE_TYPE -> {
        if (!(operands.get(1) instanceof ValuePlaceholder)) {
          throw cursor.error("Incorrect operand type for operator or function; operator or "
              + "function: attribute_type, the type must be a :value", arguments.get(1).start());
        }
      }
      default -> requireDistinct(function.spelling, operands.get(0), operands.get(1), name);
    }
    return new Term(name, null, new FunctionCondition(function, operands));
  }

  private Operand operand(Term term) {
    if (term.condition() != null) {
      throw cursor.error(MISUSED + term.start().text(), term.start());
    }
    return term.operand();
  }

  private void requireArity(String function, int arity, List<Term> arguments, Token name) {
    if (arguments.size() != arity) {
      throw cursor.error("Incorrect number of operands for operator or function; operator or "
          + "function: " + function + ", number of operands: " + arguments.size(), name);
    }
  }

  /** DynamoDB refuses an operator or function given the same path twice ({@code a = a}). */
  private void requireDistinct(String operator, Operand first, Operand second, Token at) {
    if (first instanceof Operand.Path a && second instanceof Operand.Path b && a.equals(b)) {
      throw cursor.error("The first operand must be distinct from the remaining operands for "
          + "this operator or function; operator: " + operator + ", first operand: "
          + PathSegment.describe(a.path().segments()), at);
    }
  }
}
