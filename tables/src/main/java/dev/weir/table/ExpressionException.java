package dev.weir.table;

import dev.weir.engine.InvalidArgumentException;

/**
 * An expression that cannot be parsed or used: a syntax error names the position (0-based
 * character offset into the expression) and the offending token; a semantic error (an undefined
 * placeholder, a function on the wrong type, a key condition without the partition key) names
 * what was wrong. DynamoDB's ValidationException for expressions.
 */
public class ExpressionException extends InvalidArgumentException {

  private final int position;
  private final String token;

  /** A semantic error, not tied to one token. */
  public ExpressionException(String message) {
    super(message);
    this.position = -1;
    this.token = null;
  }

  /** A syntax error at {@code position}, on {@code token} ("" at the end of the input). */
  public ExpressionException(String message, int position, String token) {
    super(message + " at position " + position + (token.isEmpty() ? " (end of input)" : ", near \"" + token + "\""));
    this.position = position;
    this.token = token;
  }

  /** The 0-based character offset of the error; -1 when it is not tied to one token. */
  public int position() {
    return position;
  }

  /** The token the error was found at, "" at the end of input; null when not tied to one. */
  public String token() {
    return token;
  }
}
