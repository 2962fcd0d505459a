package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The substitutions of one request: expression attribute names ({@code #n} to an attribute name)
 * and expression attribute values ({@code :v} to a value). A parsed expression holds only the
 * placeholders' names; it meets their meaning here, when it is evaluated, so one parsed
 * expression serves every request. Immutable.
 *
 * <pre>{@code
 * Placeholders p = Placeholders.builder()
 *     .name("#s", "status")
 *     .value(":open", AttributeValue.string("OPEN"))
 *     .build();
 * }</pre>
 */
public record Placeholders(Map<String, String> names, Map<String, AttributeValue> values) {

  /** No names and no values. */
  public static final Placeholders NONE = new Placeholders(Map.of(), Map.of());

  public Placeholders {
    names = Map.copyOf(Objects.requireNonNull(names, "names"));
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  public static Placeholders of(Map<String, String> names, Map<String, AttributeValue> values) {
    return new Placeholders(names, values);
  }

  /** Only expression attribute values ({@code :v}). */
  public static Placeholders ofValues(Map<String, AttributeValue> values) {
    return new Placeholders(Map.of(), values);
  }

  /** Only expression attribute names ({@code #n}). */
  public static Placeholders ofNames(Map<String, String> names) {
    return new Placeholders(names, Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The attribute name {@code placeholder} stands for; refuses one this request lacks. */
  String name(String placeholder) {
    String name = names.get(placeholder);
    if (name == null) {
      throw new ExpressionException(
          "An expression attribute name used in the document path is not defined; attribute name: "
              + placeholder);
    }
    if (name.isEmpty()) {
      throw new ExpressionException(
          "An expression attribute name must not be empty; attribute name: " + placeholder);
    }
    return name;
  }

  /** The value {@code placeholder} stands for; refuses one this request lacks. */
  AttributeValue value(String placeholder) {
    AttributeValue value = values.get(placeholder);
    if (value == null) {
      throw new ExpressionException(
          "An expression attribute value used in expression is not defined; attribute value: "
              + placeholder);
    }
    return value;
  }

  /** Builds {@link Placeholders}; a placeholder given twice keeps the last. Not for sharing. */
  public static final class Builder {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    private Builder() {}

    /** {@code placeholder} ({@code "#n"}) stands for the attribute {@code attributeName}. */
    public Builder name(String placeholder, String attributeName) {
      names.put(Objects.requireNonNull(placeholder, "placeholder"),
          Objects.requireNonNull(attributeName, "attributeName"));
      return this;
    }

    /** {@code placeholder} ({@code ":v"}) stands for {@code value}. */
    public Builder value(String placeholder, AttributeValue value) {
      values.put(Objects.requireNonNull(placeholder, "placeholder"),
          Objects.requireNonNull(value, "value"));
      return this;
    }

    public Placeholders build() {
      return names.isEmpty() && values.isEmpty() ? NONE : new Placeholders(names, values);
    }
  }
}
