package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.table.Item;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * For programs: one JSON document per line (JSON Lines), so a script can read results with
 * any JSON parser. Keys and values are JSON strings holding {@link Display#plain}: the text, or
 * {@code "0x..."} for bytes that are not printable UTF-8. Entries carry their sequence number;
 * rows are an array of objects named by their columns; each watched change is one object.
 */
final class JsonFormatter implements Formatter {

  @Override
  public void print(Result result, PrintWriter out) {
    if (result instanceof Result.Done d) {
      out.println(d.message() == null
          ? "{\"ok\":true}"
          : "{\"ok\":true,\"message\":" + string(d.message()) + "}");
    } else if (result instanceof Result.Value v) {
      String value = v.value() == null ? "null" : string(Display.plain(v.value()));
      out.println("{\"key\":" + string(Display.plain(v.key())) + ",\"value\":" + value + "}");
    } else if (result instanceof Result.Number n) {
      out.println("{" + string(n.name()) + ":" + n.value() + "}");
    } else if (result instanceof Result.Fields f) {
      out.println(object(f.fields()));
    } else if (result instanceof Result.Change c) {
      out.println(change(c.event()));
    } else if (result instanceof Result.Rows r) {
      StringJoiner array = new StringJoiner(",", "[", "]");
      for (List<Object> row : r.rows()) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < r.columns().size(); i++) {
          fields.put(r.columns().get(i), row.get(i));
        }
        array.add(object(fields));
      }
      out.println(array);
    }
  }

  /** One array on one line, written element by element as the entries arrive. */
  @Override
  public Entries entries(PrintWriter out, int group) {
    return new Entries() {
      private boolean first = true;

      @Override
      public void entry(Entry entry) {
        out.print(first ? "[" : ",");
        first = false;
        out.print("{\"key\":" + string(Display.plain(entry.key()))
            + ",\"value\":" + string(Display.plain(entry.value()))
            + ",\"seq\":" + entry.sequence() + "}");
      }

      @Override
      public void end(boolean stopped) {
        out.println(first ? "[]" : "]");
      }
    };
  }

  /** One array on one line of items in DynamoDB's JSON ({@link Item#toJson()}), as they arrive. */
  @Override
  public Items items(PrintWriter out, int group) {
    return new Items() {
      private boolean first = true;

      @Override
      public void item(Item item) {
        out.print(first ? "[" : ",");
        first = false;
        out.print(item.toJson());
      }

      @Override
      public void end(boolean stopped) {
        out.println(first ? "[]" : "]");
      }
    };
  }

  private static String change(ChangeEvent e) {
    StringBuilder b = new StringBuilder("{\"seq\":").append(e.sequence())
        .append(",\"type\":").append(string(Display.changeType(e.type())))
        .append(",\"key\":").append(string(Display.plain(e.key())));
    if (e.type() == ChangeEvent.Type.PUT || e.type() == ChangeEvent.Type.LOG) {
      b.append(",\"value\":").append(string(Display.plain(e.value())));
    } else if (e.type() == ChangeEvent.Type.RANGE_DELETE) {
      b.append(",\"end\":")
          .append(e.rangeEnd() == null ? "null" : string(Display.plain(e.rangeEnd())));
    }
    return b.append('}').toString();
  }

  private static String object(Map<String, Object> fields) {
    StringJoiner object = new StringJoiner(",", "{", "}");
    fields.forEach((name, value) -> object.add(string(name) + ":" + value(value)));
    return object.toString();
  }

  private static String value(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Bytes bytes) {
      return string(Display.plain(bytes));
    }
    if (value instanceof List<?> list) {
      StringJoiner array = new StringJoiner(",", "[", "]");
      list.forEach(item -> array.add(value(item)));
      return array.toString();
    }
    return value == null ? "null" : string(value.toString());
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
