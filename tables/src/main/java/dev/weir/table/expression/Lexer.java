package dev.weir.table.expression;

import dev.weir.table.ExpressionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens, DynamoDB's way: bare names start with an ASCII letter (a name
 * starting with a digit, an underscore, any other character, or a reserved word needs a
 * {@code #placeholder}); placeholders are {@code #} or {@code :} and one or more ASCII letters,
 * digits or underscores; whitespace is space, tab, CR and LF.
 */
final class Lexer {
  private final String text;
  private final ExpressionKind kind;
  private final List<Token> tokens = new ArrayList<>();
  private int at;

  private Lexer(String text, ExpressionKind kind) {
    this.text = text;
    this.kind = kind;
  }

  /** The tokens of {@code text}, ending with one {@link TokenKind#END}. */
  static List<Token> tokenize(String text, ExpressionKind kind) {
    if (text == null) {
      throw new ExpressionException(kind.invalid() + "The expression must not be null");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > ExpressionLimits.MAX_EXPRESSION_BYTES) {
      throw new ExpressionException(kind.invalid() + "The expression is " + bytes
          + " bytes long, longer than the limit of " + ExpressionLimits.MAX_EXPRESSION_BYTES);
    }
    Lexer lexer = new Lexer(text, kind);
    lexer.run();
    if (lexer.tokens.size() == 1) {
      throw new ExpressionException(kind.invalid() + "The expression can not be empty");
    }
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (true) {
      skipWhitespace();
      if (at >= text.length()) {
        tokens.add(new Token(TokenKind.END, "", text.length()));
        return;
      }
      char c = text.charAt(at);
      int start = at;
      if (isAsciiLetter(c)) {
        at++;
        while (at < text.length() && isNamePart(text.charAt(at))) {
          at++;
        }
        add(TokenKind.NAME, start);
      } else if (c >= '0' && c <= '9') {
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
          at++;
        }
        add(TokenKind.DIGITS, start);
      } else if (c == '#' || c == ':') {
        placeholder(c == '#' ? TokenKind.NAME_PLACEHOLDER : TokenKind.VALUE_PLACEHOLDER);
      } else {
        punctuation(c);
      }
    }
  }

  private void placeholder(TokenKind placeholderKind) {
    int start = at++;
    while (at < text.length() && isNamePart(text.charAt(at))) {
      at++;
    }
    if (at == start + 1) {
      throw new ExpressionException(kind.invalid() + "Syntax error; a placeholder needs a name",
          start, text.substring(start, start + 1));
    }
    if (at - start > ExpressionLimits.MAX_PLACEHOLDER_LENGTH) {
      throw new ExpressionException(kind.invalid() + "A placeholder is longer than "
          + ExpressionLimits.MAX_PLACEHOLDER_LENGTH + " characters", start,
          text.substring(start, start + 20) + "...");
    }
    add(placeholderKind, start);
  }

  private void punctuation(char c) {
    int start = at++;
    TokenKind punct = switch (c) {
      case '(' -> TokenKind.LEFT_PAREN;
      case ')' -> TokenKind.RIGHT_PAREN;
      case '[' -> TokenKind.LEFT_BRACKET;
      case ']' -> TokenKind.RIGHT_BRACKET;
      case ',' -> TokenKind.COMMA;
      case '.' -> TokenKind.DOT;
      case '=' -> TokenKind.EQ;
      case '+' -> TokenKind.PLUS;
      case '-' -> TokenKind.MINUS;
      case '<' -> follows('=') ? TokenKind.LE : follows('>') ? TokenKind.NE : TokenKind.LT;
      case '>' -> follows('=') ? TokenKind.GE : TokenKind.GT;
      default -> null;
    };
    if (punct == null) {
      int codePoint = text.codePointAt(start);
      throw new ExpressionException(kind.invalid() + "Syntax error; unexpected character", start,
          new String(Character.toChars(codePoint)));
    }
    add(punct, start);
  }

  private boolean follows(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void add(TokenKind tokenKind, int start) {
    tokens.add(new Token(tokenKind, text.substring(start, at), start));
  }

  private void skipWhitespace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      at++;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }
}
