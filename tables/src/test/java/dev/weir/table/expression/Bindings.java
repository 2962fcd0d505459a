package dev.weir.table.expression;

import dev.weir.table.AttributeValue;

/** Placeholders for tests, written as alternating placeholder and value. */
final class Bindings {
  private Bindings() {}

  /**
   * Placeholders from pairs: {@code "#n", "name"} binds a name; {@code ":v", value} binds a value,
   * where a {@link String} is a string value and a {@link Long} or {@link Integer} a number.
   */
  static Placeholders of(Object... pairs) {
    Placeholders.Builder builder = Placeholders.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      String placeholder = (String) pairs[i];
      Object value = pairs[i + 1];
      if (placeholder.startsWith("#")) {
        builder.name(placeholder, (String) value);
      } else {
        builder.value(placeholder, toValue(value));
      }
    }
    return builder.build();
  }

  private static AttributeValue toValue(Object value) {
    if (value instanceof AttributeValue v) {
      return v;
    }
    if (value instanceof String s) {
      return AttributeValue.string(s);
    }
    return AttributeValue.number(((Number) value).longValue());
  }
}
