package dev.weir.table;

import dev.weir.table.expression.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The placeholders of a request's expressions ({@code #name} for attribute names, {@code :value}
 * for values), shared by every request builder. Mutable while a request is built; the request
 * keeps an immutable copy.
 */
final class Expressions {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  void name(String placeholder, String attribute) {
    if (placeholder == null || !placeholder.startsWith("#") || attribute == null) {
      throw new ExpressionException(
          "a name placeholder starts with '#' and names an attribute: " + placeholder);
    }
    names.put(placeholder, attribute);
  }

  void value(String placeholder, AttributeValue value) {
    if (placeholder == null || !placeholder.startsWith(":") || value == null) {
      throw new ExpressionException(
          "a value placeholder starts with ':' and has a value: " + placeholder);
    }
    values.put(placeholder, value);
  }

  void names(Map<String, String> all) {
    all.forEach(this::name);
  }

  void values(Map<String, ? extends AttributeValue> all) {
    all.forEach(this::value);
  }

  Placeholders build() {
    return new Placeholders(Map.copyOf(names), Map.copyOf(values));
  }
}
