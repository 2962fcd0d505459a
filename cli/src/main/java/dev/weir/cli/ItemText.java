package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Items and attribute values as the shell shows them: in PartiQL's literal syntax ({@code
 * 'text'}, {@code 30}, {@code [1, 'a']}, {@code {'k': v}}, {@code <<'a', 'b'>>}), so what a
 * {@code SELECT} prints can be pasted into an {@code INSERT}. Binaries, which PartiQL writes
 * only as parameters, show as {@code 0x} and their hex. A table cell shows a top-level string
 * without its quotes, as people read a column of names.
 */
final class ItemText {

  private ItemText() {}

  /** {@code {'pk': 'user#1', 'age': 30}}: one item on one line (the compact format). */
  static String item(Item item) {
    return map(item.attributes());
  }

  /** A table cell: a string as it is, any other value as its literal. */
  static String cell(AttributeValue value) {
    return value instanceof AttributeValue.StringValue s ? s.value() : literal(value);
  }

  /** {@code value} in PartiQL's literal syntax. */
  static String literal(AttributeValue value) {
    // Java 17 has no pattern switch; AttributeValue is sealed, so this chain is exhaustive.
    if (value instanceof AttributeValue.StringValue s) {
      return quote(s.value());
    } else if (value instanceof AttributeValue.NumberValue n) {
      return n.text();
    } else if (value instanceof AttributeValue.BinaryValue b) {
      return binary(b.value());
    } else if (value instanceof AttributeValue.BooleanValue b) {
      return Boolean.toString(b.value());
    } else if (value instanceof AttributeValue.NullValue) {
      return "null";
    } else if (value instanceof AttributeValue.ListValue l) {
      return join("[", l.values(), ItemText::literal, "]");
    } else if (value instanceof AttributeValue.MapValue m) {
      return map(m.values());
    } else if (value instanceof AttributeValue.StringSetValue s) {
      return join("<<", s.members(), ItemText::quote, ">>");
    } else if (value instanceof AttributeValue.NumberSetValue s) {
      return join("<<", s.members(), BigDecimal::toPlainString, ">>");
    }
    return join("<<", ((AttributeValue.BinarySetValue) value).members(), ItemText::binary, ">>");
  }

  private static String map(Map<String, AttributeValue> attributes) {
    StringJoiner map = new StringJoiner(", ", "{", "}");
    attributes.forEach((name, v) -> map.add(quote(name) + ": " + literal(v)));
    return map.toString();
  }

  private static <T> String join(String open, List<T> values, Function<T, String> text,
      String close) {
    StringJoiner joined = new StringJoiner(", ", open, close);
    values.forEach(v -> joined.add(text.apply(v)));
    return joined.toString();
  }

  /** PartiQL's string literal: single quotes, one inside doubled. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String binary(Bytes bytes) {
    return "0x" + bytes.toHex();
  }
}
