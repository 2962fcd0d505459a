package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ReturnValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's PartiQL statements:
 *
 * <pre>
 * statement  := (select | insert | update | delete | exists) [';']
 * select     := SELECT ('*' | path {',' path}) FROM target [WHERE condition]
 *               [ORDER BY path [ASC | DESC]]
 * insert     := INSERT INTO target VALUE value
 * update     := UPDATE target {SET path '=' value {',' path '=' value} | REMOVE path {',' path}}
 *               WHERE condition [RETURNING (ALL | MODIFIED) (OLD | NEW) '*']
 * delete     := DELETE FROM target WHERE condition [RETURNING ALL OLD '*']
 * exists     := EXISTS '(' select ')'                 -- a transaction's condition check
 * target     := name ['.' name]                      -- table."index"
 * condition  := and {OR and};  and := not {AND not};  not := NOT not | predicate
 * predicate  := '(' condition ')' | operand [op operand | [NOT] IN list | [NOT] BETWEEN
 *               operand AND operand | IS [NOT] (MISSING | NULL)]
 * operand    := primary {('+' | '-') primary}
 * primary    := '?' | string | ['-'] number | TRUE | FALSE | NULL | '[' ... ']' | '{' ... '}'
 *             | '<<' ... '>>' | function '(' operand {',' operand} ')' | path
 * path       := name {'.' name | '[' number ']'};  name := word | "quoted"
 * </pre>
 *
 * Keywords are case-insensitive; a {@code "quoted"} name is never a keyword. The words after
 * RETURNING, and EXISTS at the start, are keywords only there, so attributes named {@code old}
 * or {@code new} need no quotes. Every error is a
 * {@link PartiqlSyntaxException} at the offending token. Not thread-safe; one per parse.
 */
final class Parser {

  /** Nesting bound, so {@code ((((...} is refused before it exhausts the stack. */
  static final int MAX_DEPTH = 100;

  /** Words that are never a bare name: a table or attribute of such a name is {@code "quoted"}. */
  private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR",
      "NOT", "IN", "BETWEEN", "IS", "MISSING", "NULL", "TRUE", "FALSE", "INSERT", "INTO", "VALUE",
      "UPDATE", "SET", "REMOVE", "DELETE", "ORDER", "BY", "ASC", "DESC");

  private final List<Token> tokens;
  private int at;
  private int parameters;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static ParsedStatement parse(String statement) {
    Parser p = new Parser(Lexer.tokenize(statement));
    ParsedStatement parsed = p.statement();
    if (p.peek().isSymbol(";")) {
      p.at++;
    }
    if (p.peek().kind() != Token.Kind.END) {
      throw p.error("unexpected token after the end of the statement");
    }
    return parsed;
  }

  private ParsedStatement statement() {
    Token first = peek();
    if (first.isKeyword("SELECT")) {
      return select();
    } else if (first.isKeyword("INSERT")) {
      return insert();
    } else if (first.isKeyword("UPDATE")) {
      return update();
    } else if (first.isKeyword("DELETE")) {
      return delete();
    } else if (first.isKeyword("EXISTS")) {
      at++;
      expect("(");
      if (!peek().isKeyword("SELECT")) {
        throw error("expected SELECT: EXISTS checks the item a SELECT names");
      }
      ParsedStatement.Select select = (ParsedStatement.Select) select();
      expect(")");
      return new ParsedStatement.Exists(select);
    }
    throw error("expected SELECT, INSERT, UPDATE, DELETE or EXISTS");
  }

  private ParsedStatement select() {
    at++;
    List<Expr.Path> projection = new ArrayList<>();
    if (peek().isSymbol("*")) {
      at++;
    } else {
      do {
        projection.add(path());
      } while (accept(","));
    }
    keyword("FROM");
    ParsedStatement.TableRef from = target();
    Expr where = null;
    if (acceptKeyword("WHERE")) {
      where = condition();
    }
    Expr.Path orderBy = null;
    boolean descending = false;
    if (acceptKeyword("ORDER")) {
      keyword("BY");
      orderBy = path();
      descending = acceptKeyword("DESC");
      if (!descending) {
        acceptKeyword("ASC");
      }
    }
    return new ParsedStatement.Select(projection, from, where, orderBy, descending, parameters);
  }

  private ParsedStatement insert() {
    at++;
    keyword("INTO");
    ParsedStatement.TableRef into = target();
    keyword("VALUE");
    Token start = peek();
    Expr value = operand();
    if (!(value instanceof Expr.MapOf) && !(value instanceof Expr.Parameter)) {
      throw new PartiqlSyntaxException("INSERT needs a map value {'name': value, ...}", start);
    }
    return new ParsedStatement.Insert(into, value, parameters);
  }

  private ParsedStatement update() {
    at++;
    ParsedStatement.TableRef table = target();
    List<ParsedStatement.Assignment> sets = new ArrayList<>();
    List<Expr.Path> removals = new ArrayList<>();
    while (true) {
      if (acceptKeyword("SET")) {
        do {
          Expr.Path path = path();
          expect("=");
          sets.add(new ParsedStatement.Assignment(path, operand()));
        } while (accept(","));
      } else if (acceptKeyword("REMOVE")) {
        do {
          removals.add(path());
        } while (accept(","));
      } else {
        break;
      }
    }
    if (sets.isEmpty() && removals.isEmpty()) {
      throw error("expected SET or REMOVE");
    }
    keyword("WHERE");
    Expr where = condition();
    return new ParsedStatement.Update(table, sets, removals, where, returning(true), parameters);
  }

  private ParsedStatement delete() {
    at++;
    keyword("FROM");
    ParsedStatement.TableRef from = target();
    keyword("WHERE");
    Expr where = condition();
    return new ParsedStatement.Delete(from, where, returning(false), parameters);
  }

  /**
   * {@code [RETURNING (ALL | MODIFIED) (OLD | NEW) *]}: {@code ALL OLD *} (DynamoDB's only one
   * for DELETE), {@code MODIFIED OLD *}, {@code ALL NEW *}, {@code MODIFIED NEW *}.
   */
  private ReturnValues returning(boolean update) {
    if (!acceptKeyword("RETURNING")) {
      return ReturnValues.NONE;
    }
    boolean all = acceptKeyword("ALL");
    if (!all && !(update && acceptKeyword("MODIFIED"))) {
      throw error(update ? "expected ALL or MODIFIED" : "expected ALL: DELETE returns ALL OLD *");
    }
    boolean old = acceptKeyword("OLD");
    if (!old && !(update && acceptKeyword("NEW"))) {
      throw error(update ? "expected OLD or NEW" : "expected OLD: DELETE returns ALL OLD *");
    }
    expect("*");
    if (all) {
      return old ? ReturnValues.ALL_OLD : ReturnValues.ALL_NEW;
    }
    return old ? ReturnValues.UPDATED_OLD : ReturnValues.UPDATED_NEW;
  }

  private ParsedStatement.TableRef target() {
    String table = name();
    String index = null;
    if (accept(".")) {
      index = name();
    }
    return new ParsedStatement.TableRef(table, index);
  }

  // ------------------------------------------------------------------ conditions

  private Expr condition() {
    enter();
    Expr left = and();
    while (acceptKeyword("OR")) {
      left = new Expr.Or(left, and());
    }
    depth--;
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (acceptKeyword("AND")) {
      left = new Expr.And(left, not());
    }
    return left;
  }

  private Expr not() {
    if (acceptKeyword("NOT")) {
      enter();
      Expr operand = not();
      depth--;
      return new Expr.Not(operand);
    }
    return predicate();
  }

  private Expr predicate() {
    if (accept("(")) {
      Expr inner = condition();
      expect(")");
      return inner;
    }
    Token start = peek();
    Expr left = operand();
    Token op = peek();
    if (op.kind() == Token.Kind.SYMBOL && isComparison(op.text())) {
      at++;
      String operator = op.text().equals("!=") ? "<>" : op.text();
      return new Expr.Comparison(left, operator, operand());
    }
    boolean negated = false;
    if (op.isKeyword("NOT") && (peek(1).isKeyword("IN") || peek(1).isKeyword("BETWEEN"))) {
      at++;
      negated = true;
    }
    if (acceptKeyword("IN")) {
      return negate(new Expr.In(left, inList()), negated);
    }
    if (acceptKeyword("BETWEEN")) {
      Expr low = operand();
      keyword("AND");
      return negate(new Expr.Between(left, low, operand()), negated);
    }
    if (acceptKeyword("IS")) {
      if (!(left instanceof Expr.Path path)) {
        throw new PartiqlSyntaxException("IS needs an attribute path before it", start);
      }
      boolean not = acceptKeyword("NOT");
      if (acceptKeyword("MISSING")) {
        return new Expr.Is(path, Expr.Is.Test.MISSING, not);
      }
      keyword("NULL");
      return new Expr.Is(path, Expr.Is.Test.NULL, not);
    }
    if (left instanceof Expr.Call) {
      return left; // a function that is a condition: begins_with, attribute_exists, ...
    }
    throw error("expected a comparison, IN, BETWEEN or IS");
  }

  private static Expr negate(Expr e, boolean negated) {
    return negated ? new Expr.Not(e) : e;
  }

  private List<Expr> inList() {
    String close;
    if (accept("[")) {
      close = "]";
    } else {
      expect("(");
      close = ")";
    }
    List<Expr> candidates = new ArrayList<>();
    do {
      candidates.add(operand());
    } while (accept(","));
    expect(close);
    return candidates;
  }

  private static boolean isComparison(String s) {
    return switch (s) {
      case "=", "<>", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  // ------------------------------------------------------------------ operands

  private Expr operand() {
    Expr left = primary();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      char operator = tokens.get(at++).text().charAt(0);
      left = new Expr.Arithmetic(left, operator, primary());
    }
    return left;
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case PARAMETER:
        at++;
        return new Expr.Parameter(parameters++);
      case STRING:
        at++;
        return new Expr.Literal(AttributeValue.string(t.text()));
      case NUMBER:
        at++;
        return number(t, t.text());
      case QUOTED_NAME:
        return path();
      case WORD:
        return word(t);
      case SYMBOL:
        return symbolPrimary(t);
      default:
        throw error("expected a value or an attribute path");
    }
  }

  private Expr word(Token t) {
    if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
      at++;
      return new Expr.Literal(AttributeValue.bool(t.isKeyword("TRUE")));
    }
    if (t.isKeyword("NULL")) {
      at++;
      return new Expr.Literal(AttributeValue.nullValue());
    }
    if (peek(1).isSymbol("(")) {
      at += 2;
      enter();
      List<Expr> args = new ArrayList<>();
      if (!peek().isSymbol(")")) {
        do {
          args.add(operand());
        } while (accept(","));
      }
      expect(")");
      depth--;
      return new Expr.Call(t.text(), args);
    }
    return path();
  }

  private Expr symbolPrimary(Token t) {
    if (t.isSymbol("-") && peek(1).kind() == Token.Kind.NUMBER) {
      at += 2;
      return number(peek(-1), "-" + peek(-1).text());
    }
    if (t.isSymbol("[")) {
      at++;
      return new Expr.ListOf(elements("]"));
    }
    if (t.isSymbol("<<")) {
      at++;
      List<Expr> members = elements(">>");
      if (members.isEmpty()) {
        throw new PartiqlSyntaxException("a set must not be empty", t);
      }
      return new Expr.SetOf(members);
    }
    if (t.isSymbol("{")) {
      at++;
      return map();
    }
    throw error("expected a value or an attribute path");
  }

  private List<Expr> elements(String close) {
    enter();
    List<Expr> elements = new ArrayList<>();
    if (!accept(close)) {
      do {
        elements.add(operand());
      } while (accept(","));
      expect(close);
    }
    depth--;
    return elements;
  }

  private Expr map() {
    enter();
    Map<String, Expr> entries = new LinkedHashMap<>();
    if (!accept("}")) {
      do {
        Token key = peek();
        if (key.kind() != Token.Kind.STRING && key.kind() != Token.Kind.QUOTED_NAME
            && key.kind() != Token.Kind.WORD) {
          throw error("expected a map key ('name')");
        }
        at++;
        expect(":");
        if (entries.put(key.text(), operand()) != null) {
          throw new PartiqlSyntaxException("duplicate map key", key);
        }
      } while (accept(","));
      expect("}");
    }
    depth--;
    return new Expr.MapOf(entries);
  }

  private Expr number(Token t, String text) {
    try {
      return new Expr.Literal(AttributeValue.number(text));
    } catch (RuntimeException e) {
      throw new PartiqlSyntaxException("invalid number: " + e.getMessage(), t);
    }
  }

  private Expr.Path path() {
    List<Expr.Step> steps = new ArrayList<>();
    steps.add(Expr.Step.name(name()));
    while (true) {
      if (peek().isSymbol(".") && isName(peek(1))) {
        at++;
        steps.add(Expr.Step.name(name()));
      } else if (peek().isSymbol("[") && peek(1).kind() == Token.Kind.NUMBER) {
        Token index = peek(1);
        int value;
        try {
          value = Integer.parseInt(index.text());
        } catch (NumberFormatException e) {
          throw new PartiqlSyntaxException("a list index must be a whole number", index);
        }
        at += 2;
        expect("]");
        steps.add(Expr.Step.index(value));
      } else {
        return new Expr.Path(steps);
      }
    }
  }

  private String name() {
    Token t = peek();
    if (!isName(t)) {
      throw error(t.kind() == Token.Kind.WORD
          ? "expected a name (a keyword as a name needs \"quotes\")" : "expected a name");
    }
    at++;
    return t.text();
  }

  private static boolean isName(Token t) {
    return t.kind() == Token.Kind.QUOTED_NAME
        || t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT));
  }

  // ------------------------------------------------------------------ tokens

  private Token peek() {
    return tokens.get(at);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    if (!accept(symbol)) {
      throw error("expected '" + symbol + "'");
    }
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  private void keyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw error("expected " + keyword);
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private PartiqlSyntaxException error(String message) {
    Token t = peek();
    return new PartiqlSyntaxException(
        message + (t.kind() == Token.Kind.END ? ", found the end of the statement" : ""), t);
  }
}
