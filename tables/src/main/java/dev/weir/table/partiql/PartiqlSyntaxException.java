package dev.weir.table.partiql;

import dev.weir.table.ExpressionException;

/**
 * A statement that does not parse: where (1-based line and column, and the 0-based offset of
 * {@link #position()}) and on which token ({@code ""} at the end of the statement). An
 * {@link ExpressionException}, so INVALID_ARGUMENT on the wire (DynamoDB's ValidationException
 * "Statement wasn't well formed").
 */
public class PartiqlSyntaxException extends ExpressionException {

  private final int line;
  private final int column;

  PartiqlSyntaxException(String message, Token at) {
    this(message, at.offset(), at.line(), at.column(), at.display());
  }

  /**
   * The error {@code message} (what was expected, without the place) at {@code offset}, {@code
   * line} and {@code column} on {@code token}; how a client rebuilds one it was sent.
   */
  public PartiqlSyntaxException(String message, int offset, int line, int column,
      String token) {
    super("Statement wasn't well formed: " + message + " at line " + line + ", column " + column,
        offset, token);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending token, in UTF-16 units. */
  public int column() {
    return column;
  }
}
