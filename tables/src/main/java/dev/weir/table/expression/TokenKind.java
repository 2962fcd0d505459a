package dev.weir.table.expression;

/** The lexical classes of DynamoDB's expression language. */
enum TokenKind {
  /** A bare name: an ASCII letter, then letters, digits or underscores (keywords are names). */
  NAME,
  /** {@code #} and one or more letters, digits or underscores. */
  NAME_PLACEHOLDER,
  /** {@code :} and one or more letters, digits or underscores. */
  VALUE_PLACEHOLDER,
  /** Decimal digits, only meaningful as a list index. */
  DIGITS,
  LEFT_PAREN,
  RIGHT_PAREN,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  COMMA,
  DOT,
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE,
  PLUS,
  MINUS,
  END;

  boolean isComparator() {
    return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
  }
}
