package dev.weir.table.partiql;

import dev.weir.table.ExpressionException;
import dev.weir.table.KeySchema;
import dev.weir.table.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides how a parsed statement runs against a table's schema: a pure function, tested
 * statement by statement ({@code PlannerTest}).
 *
 * <p>The {@code WHERE} is split into its top-level {@code AND} terms. A term {@code k = value}
 * (either way round, the value a literal, parameter or constructor) on the partition key of
 * the read target (the table, or the index the statement names) makes a {@code SELECT} a query
 * of that partition; a second term on the sort key that a key condition can express ({@code =
 * < <= > >= BETWEEN begins_with}) narrows it; equalities on the table's whole primary key make
 * it a GET. {@code k IN [values]} on the partition key (DynamoDB's other way to avoid a scan)
 * is such a read for each distinct value, one after the other. What is left is the filter: run by the store for a scan and, when it does not read
 * a key attribute (DynamoDB forbids that in a query's filter), for a query; otherwise tested
 * here on each item read. {@code OR} at the top level, or no term on
 * the partition key: a scan. {@code ORDER BY} the sort key (DynamoDB allows no other) makes a
 * query run backward for {@code DESC}; on a scan it is refused. {@code UPDATE} and {@code
 * DELETE} need equalities on the whole primary key of the table; their other terms become the
 * write's condition. {@code EXISTS(SELECT ...)} needs a SELECT that is a GET (the table's full
 * key), whose other terms become the check's condition.
 */
final class Planner {

  private Planner() {}

  static Planned plan(ParsedStatement statement, TableSchema schema) {
    if (statement instanceof ParsedStatement.Select select) {
      return select(select, schema);
    }
    if (statement instanceof ParsedStatement.Exists exists) {
      return check(exists, schema);
    }
    if (statement.target().index() != null) {
      throw new ExpressionException("a write names a table, not an index: "
          + statement.target() + " (indexes change with their table)");
    }
    if (statement instanceof ParsedStatement.Insert) {
      return new Planned(Plan.Kind.INSERT, statement, schema, schema.key(), null, null, null,
          null, false);
    }
    Expr where = statement instanceof ParsedStatement.Update u
        ? u.where() : ((ParsedStatement.Delete) statement).where();
    return keyedWrite(statement, where, schema);
  }

  private static Planned select(ParsedStatement.Select select, TableSchema schema) {
    String index = select.target().index();
    KeySchema key = index == null ? schema.key() : schema.index(index).key();
    Planned planned = selectIgnoringOrder(select, schema, key, index);
    Expr.Path orderBy = select.orderBy();
    if (orderBy != null && (planned.kind() == Plan.Kind.SCAN || !key.hasSortKey()
        || !orderBy.isTopLevel() || !orderBy.root().equals(key.sortKey().name()))) {
      throw new ExpressionException("ORDER BY needs a query (a WHERE fixing the partition key)"
          + " and names its sort key: " + select.target() + " has the key " + key);
    }
    return planned;
  }

  private static Planned selectIgnoringOrder(ParsedStatement.Select select, TableSchema schema,
      KeySchema key, String index) {
    List<Expr> terms = terms(select.where());
    Expr partitionValue = takeEquality(terms, key.partitionKey().name());
    if (partitionValue == null) {
      partitionValue = takeIn(terms, key.partitionKey().name());
    }
    if (partitionValue == null) {
      return new Planned(Plan.Kind.SCAN, select, schema, key, null, null, null, and(terms), false);
    }
    if (index == null) {
      if (!key.hasSortKey()) {
        return get(select, schema, key, partitionValue, null, terms);
      }
      List<Expr> withoutSort = new ArrayList<>(terms);
      Expr sortValue = takeEquality(withoutSort, key.sortKey().name());
      if (sortValue != null) {
        return get(select, schema, key, partitionValue, sortValue, withoutSort);
      }
    }
    Expr sortCondition = key.hasSortKey() ? takeSortCondition(terms, key.sortKey().name()) : null;
    Expr residual = and(terms);
    boolean onClient = residual != null && readsKey(residual, key);
    return new Planned(Plan.Kind.QUERY, select, schema, key, partitionValue, null, sortCondition,
        residual, onClient);
  }

  private static Planned get(ParsedStatement.Select select, TableSchema schema, KeySchema key,
      Expr partitionValue, Expr sortValue, List<Expr> rest) {
    Expr residual = and(rest);
    return new Planned(Plan.Kind.GET, select, schema, key, partitionValue, sortValue, null,
        residual, residual != null);
  }

  private static Planned check(ParsedStatement.Exists exists, TableSchema schema) {
    Planned read = select(exists.select(), schema);
    if (read.kind() != Plan.Kind.GET || read.readsSeveralPartitions()) {
      throw new ExpressionException("EXISTS needs a SELECT of one item by its full primary key"
          + " (equalities on every key attribute of the table): " + read.describe()
          + " is not one");
    }
    return new Planned(Plan.Kind.CHECK, exists, schema, read.key(), read.partitionValue(),
        read.sortValue(), null, read.residual(), false);
  }

  private static Planned keyedWrite(ParsedStatement statement, Expr where, TableSchema schema) {
    KeySchema key = schema.key();
    List<Expr> terms = terms(where);
    Expr partitionValue = takeEquality(terms, key.partitionKey().name());
    Expr sortValue = key.hasSortKey() ? takeEquality(terms, key.sortKey().name()) : null;
    if (partitionValue == null || (key.hasSortKey() && sortValue == null)) {
      throw new ExpressionException("Where clause does not contain a mandatory equality on all"
          + " key attributes: " + statement.target().table() + " has the key " + key);
    }
    Plan.Kind kind = statement instanceof ParsedStatement.Update ? Plan.Kind.UPDATE
        : Plan.Kind.DELETE;
    return new Planned(kind, statement, schema, key, partitionValue, sortValue, null,
        and(terms), false);
  }

  /** The top-level AND terms of {@code where}, in order; none for no WHERE. */
  static List<Expr> terms(Expr where) {
    List<Expr> terms = new ArrayList<>();
    if (where != null) {
      addTerms(where, terms);
    }
    return terms;
  }

  private static void addTerms(Expr e, List<Expr> terms) {
    if (e instanceof Expr.And a) {
      addTerms(a.left(), terms);
      addTerms(a.right(), terms);
    } else {
      terms.add(e);
    }
  }

  static Expr and(List<Expr> terms) {
    Expr result = null;
    for (Expr t : terms) {
      result = result == null ? t : new Expr.And(result, t);
    }
    return result;
  }

  /** Removes the first term {@code attribute = constant} and returns the constant, or null. */
  private static Expr takeEquality(List<Expr> terms, String attribute) {
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof Expr.Comparison c && c.operator().equals("=")) {
        Expr value = isKey(c.left(), attribute) && Expr.isConstant(c.right()) ? c.right()
            : isKey(c.right(), attribute) && Expr.isConstant(c.left()) ? c.left() : null;
        if (value != null) {
          terms.remove(i);
          return value;
        }
      }
    }
    return null;
  }

  /** Removes and returns the first term {@code attribute IN [constants]}, or null. */
  private static Expr takeIn(List<Expr> terms, String attribute) {
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof Expr.In in && isKey(in.operand(), attribute)
          && in.candidates().stream().allMatch(Expr::isConstant)) {
        return terms.remove(i);
      }
    }
    return null;
  }

  /** Removes and returns the first term a key condition can express on the sort key, or null. */
  private static Expr takeSortCondition(List<Expr> terms, String sortKey) {
    for (int i = 0; i < terms.size(); i++) {
      if (isSortCondition(terms.get(i), sortKey)) {
        return terms.remove(i);
      }
    }
    return null;
  }

  private static boolean isSortCondition(Expr e, String sortKey) {
    if (e instanceof Expr.Comparison c) {
      return !c.operator().equals("<>")
          && (isKey(c.left(), sortKey) && Expr.isConstant(c.right())
              || isKey(c.right(), sortKey) && Expr.isConstant(c.left()));
    }
    if (e instanceof Expr.Between b) {
      return isKey(b.operand(), sortKey) && Expr.isConstant(b.low())
          && Expr.isConstant(b.high());
    }
    return e instanceof Expr.Call call && call.function().equals("begins_with")
        && call.arguments().size() == 2 && isKey(call.arguments().get(0), sortKey)
        && Expr.isConstant(call.arguments().get(1));
  }

  private static boolean isKey(Expr e, String attribute) {
    return e instanceof Expr.Path p && p.isTopLevel() && p.root().equals(attribute);
  }

  private static boolean readsKey(Expr e, KeySchema key) {
    Set<String> roots = new HashSet<>();
    collectRoots(e, roots);
    return roots.stream().anyMatch(key::isKeyAttribute);
  }

  private static void collectRoots(Expr e, Set<String> roots) {
    if (e instanceof Expr.Path p) {
      roots.add(p.root());
    } else if (e instanceof Expr.Is is) {
      roots.add(is.path().root());
    } else if (e instanceof Expr.Comparison c) {
      collectRoots(c.left(), roots);
      collectRoots(c.right(), roots);
    } else if (e instanceof Expr.And a) {
      collectRoots(a.left(), roots);
      collectRoots(a.right(), roots);
    } else if (e instanceof Expr.Or o) {
      collectRoots(o.left(), roots);
      collectRoots(o.right(), roots);
    } else if (e instanceof Expr.Not n) {
      collectRoots(n.operand(), roots);
    } else if (e instanceof Expr.In in) {
      collectRoots(in.operand(), roots);
      in.candidates().forEach(x -> collectRoots(x, roots));
    } else if (e instanceof Expr.Between b) {
      collectRoots(b.operand(), roots);
      collectRoots(b.low(), roots);
      collectRoots(b.high(), roots);
    } else if (e instanceof Expr.Call call) {
      call.arguments().forEach(x -> collectRoots(x, roots));
    } else if (e instanceof Expr.Arithmetic a) {
      collectRoots(a.left(), roots);
      collectRoots(a.right(), roots);
    }
  }
}
