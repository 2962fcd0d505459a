package dev.weir.table.expression;

/**
 * DynamoDB's limits on expressions, and the one Weir adds: a bound on nesting, so a hostile
 * {@code "((((..."} is refused with an {@link dev.weir.table.ExpressionException} instead of
 * exhausting the parser's stack.
 */
final class ExpressionLimits {
  /** An expression's text, in UTF-8 bytes (DynamoDB: 4 KB). */
  static final int MAX_EXPRESSION_BYTES = 4096;
  /** A placeholder token, {@code #name} or {@code :value}, in characters (DynamoDB: 255 bytes). */
  static final int MAX_PLACEHOLDER_LENGTH = 255;
  /** The values an {@code IN} list may hold (DynamoDB documents 100). */
  static final int MAX_IN_VALUES = 100;
  /** Operators and functions in one update expression (DynamoDB: 300). */
  static final int MAX_UPDATE_OPERATORS = 300;
  /** Parentheses, NOTs and nested function calls, one inside another (Weir's bound). */
  static final int MAX_NESTING = 100;

  private ExpressionLimits() {}
}
