package dev.weir.table.partiql;

/**
 * How a statement runs, as {@code explain} tells it: the operation, the table and index it
 * reads or writes, the key condition that bounds it (PartiQL text, {@code ?} for parameters),
 * and what is left to filter. Immutable.
 *
 * <p>A {@code SELECT} whose {@code WHERE} fixes the partition key of the table or of the named
 * index (an equality, or an {@code IN} list read value by value, ANDed at the top level) is a
 * {@link Kind#QUERY} of that partition, with a sort key condition where one is expressible;
 * with the table's full primary key it is a {@link Kind#GET}; any other {@code SELECT} is a
 * {@link Kind#SCAN}.
 *
 * @param kind what runs
 * @param table the table
 * @param index the index read, or null for the table
 * @param keyCondition the key condition (GET, QUERY, UPDATE, DELETE, CHECK), or null
 * @param filter what is tested on each item read (a SELECT's filter, a write's condition), or
 *     null
 */
public record Plan(Kind kind, String table, String index, String keyCondition, String filter) {

  /** What runs. */
  public enum Kind {
    /** One item by its full primary key ({@code getItem}). */
    GET,
    /** One partition of the table or index ({@code query}), never a scan. */
    QUERY,
    /** Every item of the table or index ({@code scan}), filtered. */
    SCAN,
    /** {@code putItem} if no item has the key. */
    INSERT,
    UPDATE,
    DELETE,
    /**
     * {@code EXISTS(SELECT ...)}: a transaction's condition check on one item by its full key
     * (DynamoDB's ConditionCheck); writes nothing.
     */
    CHECK
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.name()).append(' ').append(table);
    if (index != null) {
      s.append(".\"").append(index).append('"');
    }
    if (keyCondition != null) {
      s.append(" KEY ").append(keyCondition);
    }
    if (filter != null) {
      s.append(" FILTER ").append(filter);
    }
    return s.toString();
  }
}
