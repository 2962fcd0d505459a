package dev.weir.table.expression;

import dev.weir.table.ExpressionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsers' shared reading position over one expression's tokens: lookahead, expectations
 * that fail with the position and the token, the nesting bound, document paths (with the
 * reserved-word check) and the placeholders seen so far. Used by one parse, on one thread.
 */
final class TokenCursor {
  private final ExpressionKind kind;
  private final List<Token> tokens;
  private final Set<String> namePlaceholders = new LinkedHashSet<>();
  private final Set<String> valuePlaceholders = new LinkedHashSet<>();
  private final List<AttributePath> paths = new ArrayList<>();
  private int next;
  private int depth;

  TokenCursor(String text, ExpressionKind kind) {
    this.kind = kind;
    this.tokens = Lexer.tokenize(text, kind);
  }

  ExpressionKind kind() {
    return kind;
  }

  Token peek() {
    return tokens.get(next);
  }

  Token peekSecond() {
    return tokens.get(Math.min(next + 1, tokens.size() - 1));
  }

  Token advance() {
    Token token = tokens.get(next);
    if (token.kind() != TokenKind.END) {
      next++;
    }
    return token;
  }

  boolean at(TokenKind tokenKind) {
    return peek().kind() == tokenKind;
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** Consumes the next token when it is of {@code tokenKind}. */
  boolean accept(TokenKind tokenKind) {
    if (at(tokenKind)) {
      advance();
      return true;
    }
    return false;
  }

  Token expect(TokenKind tokenKind, String what) {
    if (!at(tokenKind)) {
      throw syntaxError("expected " + what, peek());
    }
    return advance();
  }

  void expectKeyword(String keyword) {
    if (!atKeyword(keyword)) {
      throw syntaxError("expected " + keyword, peek());
    }
    advance();
  }

  void expectEnd() {
    if (!at(TokenKind.END)) {
      throw syntaxError("unexpected token", peek());
    }
  }

  /** A syntax error at {@code token}, as DynamoDB words it ("Syntax error; ..."). */
  ExpressionException syntaxError(String detail, Token token) {
    String what = token.kind() == TokenKind.END ? "unexpected end of expression, " + detail
        : detail;
    return error("Syntax error; " + what, token);
  }

  /** Any error found while parsing, tied to {@code token}. */
  ExpressionException error(String message, Token token) {
    return new ExpressionException(kind.invalid() + message, token.position(), token.text());
  }

  /** One level deeper into parentheses, NOT or a function's arguments; refuses past the bound. */
  void enter(Token token) {
    if (++depth > ExpressionLimits.MAX_NESTING) {
      throw error("The expression nests deeper than " + ExpressionLimits.MAX_NESTING
          + " levels of parentheses, NOT and function calls", token);
    }
  }

  void leave() {
    depth--;
  }

  /**
   * A document path: a name or {@code #name}, then {@code .name}, {@code .#name} or
   * {@code [digits]} steps. Bare names must not be reserved words.
   */
  AttributePath path() {
    List<PathSegment> segments = new ArrayList<>();
    segments.add(mapKey("an attribute name or #name"));
    while (true) {
      if (accept(TokenKind.DOT)) {
        segments.add(mapKey("an attribute name or #name after ."));
      } else if (at(TokenKind.LEFT_BRACKET)) {
        advance();
        Token digits = expect(TokenKind.DIGITS, "a list index");
        segments.add(new PathSegment.Index(listIndex(digits)));
        expect(TokenKind.RIGHT_BRACKET, "]");
      } else {
        AttributePath path = new AttributePath(segments);
        paths.add(path);
        return path;
      }
    }
  }

  /** A {@code :value} placeholder, recorded as used. */
  String valuePlaceholder(Token token) {
    valuePlaceholders.add(token.text());
    return token.text();
  }

  Set<String> namePlaceholders() {
    return Collections.unmodifiableSet(namePlaceholders);
  }

  /** Every document path read so far, in the order written. */
  List<AttributePath> paths() {
    return Collections.unmodifiableList(paths);
  }

  Set<String> valuePlaceholders() {
    return Collections.unmodifiableSet(valuePlaceholders);
  }

  private PathSegment mapKey(String what) {
    Token token = peek();
    if (token.kind() == TokenKind.NAME_PLACEHOLDER) {
      advance();
      namePlaceholders.add(token.text());
      return new PathSegment.NamePlaceholder(token.text());
    }
    if (token.kind() != TokenKind.NAME) {
      throw syntaxError("expected " + what, token);
    }
    if (ReservedWords.isReserved(token.text())) {
      throw error("Attribute name is a reserved keyword; reserved keyword: " + token.text(), token);
    }
    advance();
    return new PathSegment.Name(token.text());
  }

  private int listIndex(Token digits) {
    try {
      return Integer.parseInt(digits.text());
    } catch (NumberFormatException e) {
      throw error("List index is too large: " + digits.text(), digits);
    }
  }
}
