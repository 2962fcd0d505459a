package dev.weir.table.partiql;

/**
 * One token of a statement: its kind, its text as written (for a string or quoted name, the
 * text between the quotes with escapes undone), its 0-based offset, and its 1-based line and
 * column, which errors report.
 */
record Token(Kind kind, String text, int offset, int line, int column) {

  enum Kind {
    /** A bare word: a keyword or a name, told apart by the parser. */
    WORD,
    /** A {@code "quoted"} name: never a keyword. */
    QUOTED_NAME,
    /** A {@code 'single quoted'} string. */
    STRING,
    NUMBER,
    /** {@code ?}: a parameter, numbered by the parser in order of appearance. */
    PARAMETER,
    /**
     * Punctuation and operators, the text says which: {@code , . ; ( ) [ ] { } : * + - = <> !=
     * < <= > >= << >>}.
     */
    SYMBOL,
    END
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** A bare word equal to {@code keyword}, in any case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** How an error names this token: its text, or "end of statement". */
  String display() {
    return switch (kind) {
      case END -> "";
      case STRING -> "'" + text + "'";
      case QUOTED_NAME -> "\"" + text + "\"";
      default -> text;
    };
  }
}
