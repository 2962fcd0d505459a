package dev.weir.table;

import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.ProjectionExpression;
import java.util.Map;

/**
 * The options of a read of whole items by key: which attributes to return (a projection
 * expression; all when absent) and its name placeholders. Reads are consistent by construction:
 * every read sees every write that completed before it began. Immutable.
 */
public final class GetOptions {

  public static final GetOptions ALL = builder().build();

  private final String projectionText;
  private final ProjectionExpression projection;
  private final Placeholders placeholders;

  private GetOptions(Builder b) {
    this.projectionText = b.projectionText;
    this.projection = b.projection;
    this.placeholders = b.placeholders.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Only these attributes: {@code GetOptions.projection("name, address.city")}. */
  public static GetOptions projection(String expression) {
    return builder().projection(expression).build();
  }

  public String projectionText() {
    return projectionText;
  }

  public ProjectionExpression projection() {
    return projection;
  }

  public Placeholders placeholders() {
    return placeholders;
  }

  /** Builds {@link GetOptions}. Not for concurrent use. */
  public static final class Builder {
    private String projectionText;
    private ProjectionExpression projection;
    private final Expressions placeholders = new Expressions();

    private Builder() {}

    public Builder projection(String expression) {
      this.projectionText = expression;
      this.projection = null;
      return this;
    }

    public Builder projection(ProjectionExpression parsed) {
      this.projection = parsed;
      this.projectionText = null;
      return this;
    }

    public Builder name(String placeholder, String attribute) {
      placeholders.name(placeholder, attribute);
      return this;
    }

    public Builder names(Map<String, String> names) {
      placeholders.names(names);
      return this;
    }

    public GetOptions build() {
      return new GetOptions(this);
    }
  }
}
