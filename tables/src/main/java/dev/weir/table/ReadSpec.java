package dev.weir.table;

import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.ProjectionExpression;
import java.util.Map;

/**
 * What a query and a scan have in common: the index read (null: the table), the filter and the
 * projection (as text or parsed ahead), their placeholders, the limit on items evaluated, and
 * the key to start after. Immutable.
 */
public record ReadSpec(
    String indexName,
    String filterText,
    ConditionExpression filter,
    String projectionText,
    ProjectionExpression projection,
    Placeholders placeholders,
    int limit,
    Item exclusiveStartKey) {

  /** No limit on the items evaluated. */
  public static final int NO_LIMIT = Integer.MAX_VALUE;

  public boolean hasFilter() {
    return filter != null || filterText != null;
  }

  public boolean hasProjection() {
    return projection != null || projectionText != null;
  }

  /**
   * The builder methods both request builders share. {@code B} is the concrete builder, so each
   * call returns it. Not for concurrent use.
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String indexName;
    private String filterText;
    private ConditionExpression filter;
    private String projectionText;
    private ProjectionExpression projection;
    final Expressions placeholders = new Expressions();
    private int limit = NO_LIMIT;
    private Item exclusiveStartKey;

    Builder() {}

    abstract B self();

    /** Reads this secondary index instead of the table. */
    public B index(String name) {
      this.indexName = name;
      return self();
    }

    /** Drops evaluated items for which {@code expression} is false (they still count). */
    public B filter(String expression) {
      this.filterText = expression;
      this.filter = null;
      return self();
    }

    public B filter(ConditionExpression parsed) {
      this.filter = parsed;
      this.filterText = null;
      return self();
    }

    public B projection(String expression) {
      this.projectionText = expression;
      this.projection = null;
      return self();
    }

    public B projection(ProjectionExpression parsed) {
      this.projection = parsed;
      this.projectionText = null;
      return self();
    }

    public B name(String placeholder, String attribute) {
      placeholders.name(placeholder, attribute);
      return self();
    }

    public B value(String placeholder, AttributeValue value) {
      placeholders.value(placeholder, value);
      return self();
    }

    public B names(Map<String, String> names) {
      placeholders.names(names);
      return self();
    }

    public B values(Map<String, ? extends AttributeValue> values) {
      placeholders.values(values);
      return self();
    }

    /**
     * Evaluates at most {@code limit} items (before the filter, as DynamoDB counts), then
     * stops; a page then carries the key to resume after.
     */
    public B limit(int limit) {
      if (limit < 1) {
        throw new ItemValidationException("a limit must be at least 1, not " + limit);
      }
      this.limit = limit;
      return self();
    }

    /** Starts after this key (a page's {@code lastEvaluatedKey}). */
    public B exclusiveStartKey(Item key) {
      this.exclusiveStartKey = key;
      return self();
    }

    /** Takes every setting of {@code spec} (placeholders included). */
    void copy(ReadSpec spec) {
      indexName = spec.indexName();
      filterText = spec.filterText();
      filter = spec.filter();
      projectionText = spec.projectionText();
      projection = spec.projection();
      placeholders.names(spec.placeholders().names());
      placeholders.values(spec.placeholders().values());
      limit = spec.limit();
      exclusiveStartKey = spec.exclusiveStartKey();
    }

    ReadSpec spec() {
      return new ReadSpec(indexName, filterText, filter, projectionText, projection,
          placeholders.build(), limit, exclusiveStartKey);
    }
  }
}
