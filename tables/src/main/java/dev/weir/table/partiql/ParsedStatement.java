package dev.weir.table.partiql;

import dev.weir.table.ReturnValues;
import java.util.List;

/**
 * A parsed statement: what it reads or writes and its expressions, with the number of its
 * {@code ?} parameters. Immutable and independent of any table's schema (the planner brings
 * the schema in), so one parse serves every execution.
 */
sealed interface ParsedStatement {

  TableRef target();

  int parameterCount();

  /** {@code table} or {@code table."index"}; {@code index} is null for the table itself. */
  record TableRef(String table, String index) {
    @Override
    public String toString() {
      return index == null ? table : table + ".\"" + index + "\"";
    }
  }

  /**
   * {@code SELECT projection FROM target [WHERE where] [ORDER BY orderBy [ASC | DESC]]}; an
   * empty projection is {@code *}; {@code orderBy} is null without ORDER BY.
   */
  record Select(List<Expr.Path> projection, TableRef target, Expr where, Expr.Path orderBy,
      boolean descending, int parameterCount) implements ParsedStatement {
    public Select {
      projection = List.copyOf(projection);
    }
  }

  /** {@code INSERT INTO target VALUE value}. */
  record Insert(TableRef target, Expr value, int parameterCount) implements ParsedStatement {}

  /**
   * {@code UPDATE target SET path = value, ... REMOVE path, ... WHERE where [RETURNING ...]};
   * {@code returning} is {@link ReturnValues#NONE} without RETURNING.
   */
  record Update(TableRef target, List<Assignment> assignments, List<Expr.Path> removals,
      Expr where, ReturnValues returning, int parameterCount) implements ParsedStatement {
    public Update {
      assignments = List.copyOf(assignments);
      removals = List.copyOf(removals);
    }
  }

  /** {@code path = value} of an UPDATE's SET. */
  record Assignment(Expr.Path path, Expr value) {}

  /** {@code DELETE FROM target WHERE where [RETURNING ALL OLD *]}. */
  record Delete(TableRef target, Expr where, ReturnValues returning, int parameterCount)
      implements ParsedStatement {}

  /**
   * {@code EXISTS(SELECT ... WHERE <full key> [AND ...])}: a condition check of a transaction
   * (DynamoDB's ConditionCheck), true when the item exists and the rest of the WHERE holds.
   */
  record Exists(Select select) implements ParsedStatement {
    @Override
    public TableRef target() {
      return select.target();
    }

    @Override
    public int parameterCount() {
      return select.parameterCount();
    }
  }
}
