package dev.weir.table.partiql;

/**
 * How much of a statement one execution returns (DynamoDB's ExecuteStatement {@code Limit} and
 * {@code NextToken}). Immutable.
 *
 * <pre>{@code
 * StatementPage first = tables.execute("SELECT * FROM orders WHERE customer = ?", params,
 *     ExecuteOptions.limit(25)).block();
 * StatementPage next = tables.execute("SELECT * FROM orders WHERE customer = ?", params,
 *     ExecuteOptions.limit(25).withNextToken(first.nextToken())).block();
 * }</pre>
 *
 * @param limit the most items a SELECT evaluates for this page (before its filter, as DynamoDB
 *     counts; at least 1), or null for no limit (a page still stops at 1 MB of items)
 * @param nextToken where to go on: the {@link StatementPage#nextToken()} of the previous page of
 *     the same statement with the same parameters, or null for the first page
 */
public record ExecuteOptions(Integer limit, String nextToken) {

  /** The first page, with no limit but DynamoDB's 1 MB. */
  public static final ExecuteOptions NONE = new ExecuteOptions(null, null);

  /** The first page, evaluating at most {@code limit} items. */
  public static ExecuteOptions limit(int limit) {
    return new ExecuteOptions(limit, null);
  }

  /** These options with {@code limit} (null: none). */
  public ExecuteOptions withLimit(Integer limit) {
    return new ExecuteOptions(limit, nextToken);
  }

  /** These options, going on from {@code nextToken} (null: from the start). */
  public ExecuteOptions withNextToken(String nextToken) {
    return new ExecuteOptions(limit, nextToken);
  }
}
