package dev.weir.table.expression;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over DynamoDB's update grammar:
 *
 * <pre>
 * update   := clause+                       each of SET, REMOVE, ADD, DELETE at most once
 * clause   := SET path '=' value (',' path '=' value)*
 *           | REMOVE path (',' path)*
 *           | ADD path :value (',' path :value)*
 *           | DELETE path :value (',' path :value)*
 * value    := operand | operand '+' operand | operand '-' operand
 * operand  := path | :value | if_not_exists '(' path ',' operand ')'
 *           | list_append '(' operand ',' operand ')'
 * </pre>
 *
 * <p>Clause keywords are case-insensitive, function names case-sensitive. Two actions on
 * overlapping paths are refused here when the paths are written alike, and again at each
 * evaluation once {@code #name}s are bound. Used by one parse, on one thread.
 */
final class UpdateParser {
  private enum Clause { SET, REMOVE, ADD, DELETE }

  private final TokenCursor cursor;
  private final List<UpdateAction> actions = new ArrayList<>();
  private final PathTree<Boolean> written = new PathTree<>();
  private int operators;

  private UpdateParser(TokenCursor cursor) {
    this.cursor = cursor;
  }

  static List<UpdateAction> parse(TokenCursor cursor) {
    UpdateParser parser = new UpdateParser(cursor);
    parser.clauses();
    return List.copyOf(parser.actions);
  }

  private void clauses() {
    Set<Clause> seen = EnumSet.noneOf(Clause.class);
    do {
      Token keyword = cursor.peek();
      Clause clause = clause(keyword);
      if (!seen.add(clause)) {
        throw cursor.error("The \"" + clause + "\" section can only be used once in an update "
            + "expression", keyword);
      }
      cursor.advance();
      do {
        action(clause);
      } while (cursor.accept(TokenKind.COMMA));
    } while (!cursor.at(TokenKind.END));
  }

  private Clause clause(Token keyword) {
    if (keyword.kind() == TokenKind.NAME) {
      for (Clause clause : Clause.values()) {
        if (keyword.upper().equals(clause.name())) {
          return clause;
        }
      }
    }
    throw cursor.syntaxError("expected SET, REMOVE, ADD or DELETE", keyword);
  }

  private void action(Clause clause) {
    Token start = cursor.peek();
    AttributePath path = cursor.path();
    written.add(path.segments(), Boolean.TRUE, message -> cursor.error(message, start));
    actions.add(switch (clause) {
      case SET -> {
        cursor.expect(TokenKind.EQ, "=");
        yield new UpdateAction.SetAction(path, value());
      }
      case REMOVE -> new UpdateAction.RemoveAction(path);
      case ADD -> new UpdateAction.AddAction(path, valuePlaceholder());
      case DELETE -> new UpdateAction.DeleteAction(path, valuePlaceholder());
    });
  }

  private String valuePlaceholder() {
    return cursor.valuePlaceholder(cursor.expect(TokenKind.VALUE_PLACEHOLDER, "a :value"));
  }

  private SetValue value() {
    SetValue left = operand();
    Token operator = cursor.peek();
    if (operator.kind() != TokenKind.PLUS && operator.kind() != TokenKind.MINUS) {
      return left;
    }
    cursor.advance();
    countOperator(operator);
    return new SetValue.Arithmetic(left, operator.kind() == TokenKind.MINUS, operand());
  }

  private SetValue operand() {
    Token start = cursor.peek();
    if (start.kind() == TokenKind.VALUE_PLACEHOLDER) {
      cursor.advance();
      return new ValuePlaceholder(cursor.valuePlaceholder(start));
    }
    if (start.kind() == TokenKind.NAME && cursor.peekSecond().kind() == TokenKind.LEFT_PAREN) {
      return call();
    }
    if (start.kind() == TokenKind.NAME || start.kind() == TokenKind.NAME_PLACEHOLDER) {
      return new SetValue.Path(cursor.path());
    }
    throw cursor.syntaxError("expected an attribute, a :value or a function", start);
  }

  private SetValue call() {
    Token name = cursor.advance();
    cursor.advance();
    cursor.enter(name);
    countOperator(name);
    List<Token> starts = new ArrayList<>();
    List<SetValue> arguments = new ArrayList<>();
    do {
      starts.add(cursor.peek());
      arguments.add(operand());
    } while (cursor.accept(TokenKind.COMMA));
    cursor.expect(TokenKind.RIGHT_PAREN, ")");
    cursor.leave();
    String function = name.text();
    if (!function.equals("if_not_exists") && !function.equals("list_append")) {
      throw cursor.error("Invalid function name; function: " + function, name);
    }
    if (arguments.size() != 2) {
      throw cursor.error("Incorrect number of operands for operator or function; operator or "
          + "function: " + function + ", number of operands: " + arguments.size(), name);
    }
    if (function.equals("if_not_exists")) {
      if (!(arguments.get(0) instanceof SetValue.Path path)) {
        throw cursor.error("Operator or function requires a document path; operator or "
            + "function: if_not_exists", starts.get(0));
      }
      return new SetValue.IfNotExists(path.path(), arguments.get(1));
    }
    for (int i = 0; i < 2; i++) {
      if (arguments.get(i) instanceof SetValue.ListAppend) {
        throw cursor.error("The function is not allowed to be used this way in an expression; "
            + "function: list_append", starts.get(i));
      }
    }
    return new SetValue.ListAppend(arguments.get(0), arguments.get(1));
  }

  private void countOperator(Token at) {
    if (++operators > ExpressionLimits.MAX_UPDATE_OPERATORS) {
      throw cursor.error("The expression has more than " + ExpressionLimits.MAX_UPDATE_OPERATORS
          + " operators or functions", at);
    }
  }
}
