package dev.weir.table.partiql;

import dev.weir.table.KeySchema;
import dev.weir.table.TableSchema;

/**
 * A statement planned against its table's schema, as {@link Planner} decided: what runs, the
 * key it reads or writes (values as expressions, bound to parameters at execution), and the
 * rest of the WHERE. Immutable.
 *
 * @param schema the table's schema the plan was made for
 * @param key the key schema of the read target (an index's for a SELECT of an index)
 * @param partitionValue the partition key's value (GET, QUERY, UPDATE, DELETE); for a SELECT
 *     with {@code pk IN [...]}, that {@link Expr.In}: one read per distinct value
 * @param sortValue the sort key's value (GET, UPDATE, DELETE of a table with a sort key)
 * @param sortCondition the term on the sort key a QUERY's key condition carries, or null
 * @param residual the other terms: a SELECT's filter, a write's condition; null when none
 * @param residualOnClient whether the residual is tested here on each item (a GET's, and a
 *     query's that reads a key attribute) instead of by the store
 */
record Planned(
    Plan.Kind kind,
    ParsedStatement statement,
    TableSchema schema,
    KeySchema key,
    Expr partitionValue,
    Expr sortValue,
    Expr sortCondition,
    Expr residual,
    boolean residualOnClient) {

  /** Whether the plan reads several partitions ({@code pk IN [...]}), one after the other. */
  boolean readsSeveralPartitions() {
    return partitionValue instanceof Expr.In;
  }

  /** This plan for one partition key value. */
  Planned withPartitionValue(Expr value) {
    return new Planned(kind, statement, schema, key, value, sortValue, sortCondition, residual,
        residualOnClient);
  }

  Plan describe() {
    String keyCondition = null;
    if (partitionValue != null) {
      keyCondition = readsSeveralPartitions() ? partitionValue.toString()
          : key.partitionKey().name() + " = " + partitionValue;
      if (sortValue != null) {
        keyCondition += " AND " + key.sortKey().name() + " = " + sortValue;
      } else if (sortCondition != null) {
        keyCondition += " AND " + sortCondition;
      }
    }
    return new Plan(kind, statement.target().table(), statement.target().index(), keyCondition,
        residual == null ? null : residual.toString());
  }
}
