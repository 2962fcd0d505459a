package dev.weir.table;

import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.Placeholders;
import java.util.Map;

/**
 * The options of one write: a condition expression that must hold on the item as it is, the
 * placeholders of the write's expressions, what to return, and whether a failed condition
 * returns the item as it was. Immutable; {@link #NONE} is an unconditional write returning
 * nothing.
 *
 * <pre>{@code
 * WriteOptions.builder()
 *     .condition("attribute_not_exists(pk) OR #v < :v")
 *     .name("#v", "version").value(":v", AttributeValue.number(7))
 *     .returnValues(ReturnValues.ALL_OLD)
 *     .build();
 * }</pre>
 */
public final class WriteOptions {

  public static final WriteOptions NONE = builder().build();

  private final String conditionText;
  private final ConditionExpression condition;
  private final Placeholders placeholders;
  private final ReturnValues returnValues;
  private final boolean returnOldOnConditionFailure;

  private WriteOptions(Builder b) {
    this.conditionText = b.conditionText;
    this.condition = b.condition;
    this.placeholders = b.placeholders.build();
    this.returnValues = b.returnValues;
    this.returnOldOnConditionFailure = b.returnOldOnConditionFailure;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The condition as text, parsed (once per distinct text) when the write runs; may be null. */
  public String conditionText() {
    return conditionText;
  }

  /** The condition parsed ahead by the caller; may be null. */
  public ConditionExpression condition() {
    return condition;
  }

  public boolean hasCondition() {
    return condition != null || conditionText != null;
  }

  public Placeholders placeholders() {
    return placeholders;
  }

  public ReturnValues returnValues() {
    return returnValues;
  }

  public boolean returnOldOnConditionFailure() {
    return returnOldOnConditionFailure;
  }

  /** Builds {@link WriteOptions}. Not for concurrent use. */
  public static final class Builder {
    private String conditionText;
    private ConditionExpression condition;
    private final Expressions placeholders = new Expressions();
    private ReturnValues returnValues = ReturnValues.NONE;
    private boolean returnOldOnConditionFailure;

    private Builder() {}

    public Builder condition(String expression) {
      this.conditionText = expression;
      this.condition = null;
      return this;
    }

    public Builder condition(ConditionExpression parsed) {
      this.condition = parsed;
      this.conditionText = null;
      return this;
    }

    public Builder name(String placeholder, String attribute) {
      placeholders.name(placeholder, attribute);
      return this;
    }

    public Builder value(String placeholder, AttributeValue value) {
      placeholders.value(placeholder, value);
      return this;
    }

    public Builder names(Map<String, String> names) {
      placeholders.names(names);
      return this;
    }

    public Builder values(Map<String, ? extends AttributeValue> values) {
      placeholders.values(values);
      return this;
    }

    public Builder returnValues(ReturnValues returnValues) {
      this.returnValues = returnValues == null ? ReturnValues.NONE : returnValues;
      return this;
    }

    /** A failed condition carries the item as it was (ReturnValuesOnConditionCheckFailure). */
    public Builder returnOldOnConditionFailure(boolean enabled) {
      this.returnOldOnConditionFailure = enabled;
      return this;
    }

    public WriteOptions build() {
      return new WriteOptions(this);
    }
  }
}
