package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.expression.Placeholders;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes PartiQL expressions as DynamoDB expressions (condition, key condition, update and
 * projection text) with every name as a {@code #nK} placeholder (so reserved words and odd
 * names need no care) and every value as a {@code :vK} placeholder, numbered in order of
 * writing. The same statement therefore writes the same text at every execution, and the
 * store's cache of parsed expressions serves it; only the placeholder values change.
 *
 * <p>Collects exactly the placeholders it wrote, as DynamoDB demands of a request (none unused).
 * One writer per request; not thread-safe.
 */
final class ExpressionWriter {

  private final List<AttributeValue> parameters;
  private final Map<String, String> placeholderOfName = new HashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  ExpressionWriter(List<AttributeValue> parameters) {
    this.parameters = parameters;
  }

  Map<String, String> names() {
    return names;
  }

  Map<String, AttributeValue> values() {
    return values;
  }

  Placeholders placeholders() {
    return Placeholders.of(names, values);
  }

  String condition(Expr e) {
    if (e instanceof Expr.Comparison c) {
      return operand(c.left()) + " " + c.operator() + " " + operand(c.right());
    }
    if (e instanceof Expr.And a) {
      return "(" + condition(a.left()) + ") AND (" + condition(a.right()) + ")";
    }
    if (e instanceof Expr.Or o) {
      return "(" + condition(o.left()) + ") OR (" + condition(o.right()) + ")";
    }
    if (e instanceof Expr.Not n) {
      return "NOT (" + condition(n.operand()) + ")";
    }
    if (e instanceof Expr.In in) {
      StringBuilder s = new StringBuilder(operand(in.operand())).append(" IN (");
      for (int i = 0; i < in.candidates().size(); i++) {
        s.append(i == 0 ? "" : ", ").append(operand(in.candidates().get(i)));
      }
      return s.append(')').toString();
    }
    if (e instanceof Expr.Between b) {
      return operand(b.operand()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
    }
    if (e instanceof Expr.Is is) {
      String p = path(is.path());
      if (is.test() == Expr.Is.Test.MISSING) {
        return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + p + ")";
      }
      String isNull = "attribute_type(" + p + ", " + value(AttributeValue.string("NULL")) + ")";
      return is.negated() ? "attribute_exists(" + p + ") AND NOT " + isNull : isNull;
    }
    if (e instanceof Expr.Call call) {
      return call(call);
    }
    throw new ExpressionException("not a condition: " + e);
  }

  /** {@code path = value} for the key condition of a query. */
  String equality(String attribute, Expr value) {
    return name(attribute) + " = " + operand(value);
  }

  String operand(Expr e) {
    if (e instanceof Expr.Path p) {
      return path(p);
    }
    if (Expr.isConstant(e)) {
      return value(Values.of(e, parameters));
    }
    if (e instanceof Expr.Arithmetic a) {
      return operand(a.left()) + " " + a.operator() + " " + operand(a.right());
    }
    if (e instanceof Expr.Call call) {
      return call(call);
    }
    throw new ExpressionException("not an operand: " + e);
  }

  private String call(Expr.Call call) {
    if (WriteCall.isSetFunction(call.function())) {
      throw new ExpressionException(call.function() + " is only the whole value of an UPDATE's"
          + " SET: SET s = " + call.function() + "(s, <<...>>), not " + call);
    }
    StringBuilder s = new StringBuilder(call.function()).append('(');
    for (int i = 0; i < call.arguments().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(operand(call.arguments().get(i)));
    }
    return s.append(')').toString();
  }

  String path(Expr.Path p) {
    StringBuilder s = new StringBuilder();
    for (Expr.Step step : p.steps()) {
      if (step.isIndex()) {
        s.append('[').append(step.index()).append(']');
      } else {
        s.append(s.length() == 0 ? "" : ".").append(name(step.name()));
      }
    }
    return s.toString();
  }

  /** A projection expression of these paths. */
  String projection(List<Expr.Path> paths) {
    StringBuilder s = new StringBuilder();
    for (Expr.Path p : paths) {
      s.append(s.length() == 0 ? "" : ", ").append(path(p));
    }
    return s.toString();
  }

  String name(String attribute) {
    return placeholderOfName.computeIfAbsent(attribute, a -> {
      String placeholder = "#n" + names.size();
      names.put(placeholder, a);
      return placeholder;
    });
  }

  String value(AttributeValue v) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, v);
    return placeholder;
  }
}
