package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The expressions of a parsed statement: operands (paths, literals, parameters, list, map and
 * set constructors, arithmetic, function calls) and conditions (comparisons, logic, IN,
 * BETWEEN, IS [NOT] MISSING / NULL). Immutable; {@link #toString()} writes PartiQL back, which
 * plans show.
 */
sealed interface Expr {

  /** An attribute path: a name, then {@code .name} and {@code [index]} steps. */
  record Path(List<Step> steps) implements Expr {
    public Path {
      steps = List.copyOf(steps);
    }

    /** The attribute the path starts at. */
    String root() {
      return steps.get(0).name();
    }

    /** True for a bare top-level name (no steps after it). */
    boolean isTopLevel() {
      return steps.size() == 1;
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (Step step : steps) {
        if (step.isIndex()) {
          s.append('[').append(step.index()).append(']');
        } else {
          s.append(s.length() == 0 ? "" : ".").append(step.name());
        }
      }
      return s.toString();
    }
  }

  /** One step of a path: a name, or a list index when {@code name} is null. */
  record Step(String name, int index) {
    static Step name(String name) {
      return new Step(name, -1);
    }

    static Step index(int index) {
      return new Step(null, index);
    }

    boolean isIndex() {
      return name == null;
    }
  }

  /** A literal value: a string, number, boolean or null. */
  record Literal(AttributeValue value) implements Expr {
    @Override
    public String toString() {
      if (value instanceof AttributeValue.StringValue s) {
        return "'" + s.value().replace("'", "''") + "'";
      }
      if (value instanceof AttributeValue.NumberValue n) {
        return n.text();
      }
      if (value instanceof AttributeValue.BooleanValue b) {
        return String.valueOf(b.value());
      }
      return "null";
    }
  }

  /** The {@code number}-th {@code ?} of the statement, 0-based. */
  record Parameter(int number) implements Expr {
    @Override
    public String toString() {
      return "?";
    }
  }

  record ListOf(List<Expr> elements) implements Expr {
    @Override
    public String toString() {
      return elements.toString();
    }
  }

  /** {@code {'k': v, ...}}; keys in the order written. */
  record MapOf(Map<String, Expr> entries) implements Expr {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("{");
      entries.forEach((k, v) -> s.append(s.length() == 1 ? "" : ", ")
          .append('\'').append(k).append("': ").append(v));
      return s.append('}').toString();
    }
  }

  /** {@code <<a, b>>}: a string, number or binary set. */
  record SetOf(List<Expr> members) implements Expr {
    @Override
    public String toString() {
      String inner = members.toString();
      return "<<" + inner.substring(1, inner.length() - 1) + ">>";
    }
  }

  /** {@code left + right} or {@code left - right}. */
  record Arithmetic(Expr left, char operator, Expr right) implements Expr {
    @Override
    public String toString() {
      return left + " " + operator + " " + right;
    }
  }

  /** A function call; the name as written (DynamoDB's function names are case-sensitive). */
  record Call(String function, List<Expr> arguments) implements Expr {
    @Override
    public String toString() {
      String args = arguments.toString();
      return function + "(" + args.substring(1, args.length() - 1) + ")";
    }
  }

  /** {@code left op right}, op one of {@code = <> < <= > >=} ({@code !=} is read as {@code <>}). */
  record Comparison(Expr left, String operator, Expr right) implements Expr {
    @Override
    public String toString() {
      return left + " " + operator + " " + right;
    }
  }

  record And(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return left + " AND " + right;
    }
  }

  record Or(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " OR " + right + ")";
    }
  }

  record Not(Expr operand) implements Expr {
    @Override
    public String toString() {
      return "NOT (" + operand + ")";
    }
  }

  record In(Expr operand, List<Expr> candidates) implements Expr {
    @Override
    public String toString() {
      return operand + " IN " + candidates;
    }
  }

  record Between(Expr operand, Expr low, Expr high) implements Expr {
    @Override
    public String toString() {
      return operand + " BETWEEN " + low + " AND " + high;
    }
  }

  /**
   * {@code path IS [NOT] MISSING} (the attribute is absent) or {@code path IS [NOT] NULL} (it
   * is of type NULL).
   */
  record Is(Path path, Test test, boolean negated) implements Expr {
    enum Test {
      MISSING,
      NULL
    }

    @Override
    public String toString() {
      return path + (negated ? " IS NOT " : " IS ") + test;
    }
  }

  /** True for a value that needs no item: a literal, a parameter, or a constructor of them. */
  static boolean isConstant(Expr e) {
    if (e instanceof Literal || e instanceof Parameter) {
      return true;
    }
    if (e instanceof ListOf l) {
      return l.elements().stream().allMatch(Expr::isConstant);
    }
    if (e instanceof MapOf m) {
      return m.entries().values().stream().allMatch(Expr::isConstant);
    }
    return e instanceof SetOf s && s.members().stream().allMatch(Expr::isConstant);
  }
}
