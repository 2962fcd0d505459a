package dev.weir.table.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens, as DynamoDB's PartiQL writes them: bare words (keywords and
 * names: a letter or {@code _}, then letters, digits, {@code _} or {@code $}), {@code "quoted
 * names"} and {@code 'strings'} (a doubled quote inside stands for one), numbers ({@code 12},
 * {@code 1.5}, {@code 2e3}; a sign is the parser's), {@code ?}, symbols, and {@code --} comments
 * to the end of the line. Keeps each token's line and column for errors.
 */
final class Lexer {

  /** DynamoDB's bound on a statement's length, in characters. */
  static final int MAX_STATEMENT_LENGTH = 8192;

  private static final String[] TWO_CHAR_SYMBOLS = {"<>", "!=", "<=", ">=", "<<", ">>"};
  private static final String ONE_CHAR_SYMBOLS = ",.;()[]{}:*+-=<>";

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int at;
  private int line = 1;
  private int lineStart;

  private Lexer(String text) {
    this.text = text;
  }

  /** The tokens of {@code text}, ending with one {@link Token.Kind#END}. */
  static List<Token> tokenize(String text) {
    if (text == null) {
      throw new PartiqlSyntaxException("the statement is null", 0, 1, 1, "");
    }
    if (text.length() > MAX_STATEMENT_LENGTH) {
      throw new PartiqlSyntaxException("the statement is " + text.length()
          + " characters long, over the limit of " + MAX_STATEMENT_LENGTH, 0, 1, 1, "");
    }
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (skipSpaceAndComments()) {
      int start = at;
      char c = text.charAt(at);
      if (Character.isLetter(c) || c == '_') {
        while (at < text.length() && isWordPart(text.charAt(at))) {
          at++;
        }
        add(Token.Kind.WORD, text.substring(start, at), start);
      } else if (c >= '0' && c <= '9') {
        number(start);
      } else if (c == '\'' || c == '"') {
        quoted(c, start);
      } else if (c == '?') {
        at++;
        add(Token.Kind.PARAMETER, "?", start);
      } else {
        symbol(start);
      }
    }
    add(Token.Kind.END, "", text.length());
  }

  /** Skips whitespace and comments; false at the end of the text. */
  private boolean skipSpaceAndComments() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n') {
        at++;
        line++;
        lineStart = at;
      } else if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '-' && at + 1 < text.length() && text.charAt(at + 1) == '-') {
        while (at < text.length() && text.charAt(at) != '\n') {
          at++;
        }
      } else {
        return true;
      }
    }
    return false;
  }

  private void number(int start) {
    digits();
    if (at + 1 < text.length() && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
      at++;
      digits();
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      int mark = at;
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      if (at < text.length() && isDigit(text.charAt(at))) {
        digits();
      } else {
        at = mark;
      }
    }
    if (at < text.length() && isWordPart(text.charAt(at))) {
      while (at < text.length() && isWordPart(text.charAt(at))) {
        at++;
      }
      throw error("malformed number", start);
    }
    add(Token.Kind.NUMBER, text.substring(start, at), start);
  }

  private void digits() {
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
  }

  private void quoted(char quote, int start) {
    int startLine = line;
    int startColumn = start - lineStart + 1;
    StringBuilder s = new StringBuilder();
    at++;
    while (true) {
      if (at >= text.length()) {
        throw new PartiqlSyntaxException(
            (quote == '\'' ? "unterminated string" : "unterminated quoted name"),
            start, startLine, startColumn, text.substring(start));
      }
      char c = text.charAt(at++);
      if (c == quote) {
        if (at < text.length() && text.charAt(at) == quote) {
          s.append(quote);
          at++;
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
        lineStart = at;
      }
      s.append(c);
    }
    tokens.add(new Token(quote == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_NAME,
        s.toString(), start, startLine, startColumn));
  }

  private void symbol(int start) {
    for (String two : TWO_CHAR_SYMBOLS) {
      if (text.startsWith(two, at)) {
        at += 2;
        add(Token.Kind.SYMBOL, two, start);
        return;
      }
    }
    if (ONE_CHAR_SYMBOLS.indexOf(text.charAt(at)) < 0) {
      throw error("unexpected character", start);
    }
    at++;
    add(Token.Kind.SYMBOL, text.substring(start, at), start);
  }

  private void add(Token.Kind kind, String tokenText, int start) {
    tokens.add(new Token(kind, tokenText, start, line, start - lineStart + 1));
  }

  private PartiqlSyntaxException error(String message, int start) {
    int end = Math.min(text.length(), Math.max(at, start + 1));
    return new PartiqlSyntaxException(message, start, line, start - lineStart + 1,
        text.substring(start, end));
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
