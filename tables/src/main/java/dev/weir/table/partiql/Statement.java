package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import java.util.List;
import java.util.Objects;

/**
 * A PartiQL statement with the values of its {@code ?} parameters, in order: one member of a
 * transaction or a batch. Immutable.
 */
public record Statement(String text, List<AttributeValue> parameters) {

  public Statement {
    Objects.requireNonNull(text, "text");
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  public static Statement of(String text, AttributeValue... parameters) {
    return new Statement(text, List.of(parameters));
  }
}
