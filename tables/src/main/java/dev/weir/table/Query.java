package dev.weir.table;

import dev.weir.table.expression.KeyCondition;

/**
 * A query: the items of one partition of the table or of an index, in sort key order (or
 * backward), narrowed by a key condition on the sort key, then by a filter. Immutable.
 *
 * <pre>{@code
 * Query.builder()
 *     .keyCondition("pk = :p AND begins_with(sk, :day)")
 *     .value(":p", AttributeValue.string("user#1")).value(":day", AttributeValue.string("2026-12"))
 *     .filter("amount > :min").value(":min", AttributeValue.number(100))
 *     .backward()
 *     .limit(50)
 *     .build();
 * }</pre>
 */
public final class Query {

  private final String keyConditionText;
  private final KeyCondition keyCondition;
  private final boolean forward;
  private final ReadSpec spec;

  private Query(Builder b) {
    this.keyConditionText = b.keyConditionText;
    this.keyCondition = b.keyCondition;
    this.forward = b.forward;
    this.spec = b.spec();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String keyConditionText() {
    return keyConditionText;
  }

  public KeyCondition keyCondition() {
    return keyCondition;
  }

  public boolean isForward() {
    return forward;
  }

  public ReadSpec spec() {
    return spec;
  }

  /** This query resuming after {@code key}, for the next page. */
  public Query startingAfter(Item key) {
    Builder b = new Builder();
    b.keyConditionText = keyConditionText;
    b.keyCondition = keyCondition;
    b.forward = forward;
    b.copy(spec);
    b.exclusiveStartKey(key);
    return b.build();
  }

  /** Builds a {@link Query}. Not for concurrent use. */
  public static final class Builder extends ReadSpec.Builder<Builder> {
    private String keyConditionText;
    private KeyCondition keyCondition;
    private boolean forward = true;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The key condition: {@code pk = :v}, and optionally one condition on the sort key. */
    public Builder keyCondition(String expression) {
      this.keyConditionText = expression;
      this.keyCondition = null;
      return this;
    }

    public Builder keyCondition(KeyCondition parsed) {
      this.keyCondition = parsed;
      this.keyConditionText = null;
      return this;
    }

    /** Descending sort key order (DynamoDB's ScanIndexForward = false). */
    public Builder backward() {
      this.forward = false;
      return this;
    }

    public Builder forward(boolean forward) {
      this.forward = forward;
      return this;
    }

    public Query build() {
      if (keyCondition == null && keyConditionText == null) {
        throw new ExpressionException("a query needs a key condition naming the partition key");
      }
      return new Query(this);
    }
  }
}
