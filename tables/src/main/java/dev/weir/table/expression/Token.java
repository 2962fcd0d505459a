package dev.weir.table.expression;

import java.util.Locale;

/** One token: its class, its text as written and its 0-based offset in the expression. */
record Token(TokenKind kind, String text, int position) {

  /** Whether this is the bare name {@code keyword}, in any case (keywords ignore case). */
  boolean isKeyword(String keyword) {
    return kind == TokenKind.NAME && text.equalsIgnoreCase(keyword);
  }

  /** The text upper-cased for keyword and reserved-word lookups. */
  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
