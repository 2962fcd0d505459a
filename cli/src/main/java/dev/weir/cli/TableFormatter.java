package dev.weir.cli;

import dev.weir.engine.Entry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The default, for people: entries in a boxed two-column table with a count under it, stats
 * as aligned name/value lines. ASCII only, so it reads the same in any terminal and any log.
 */
final class TableFormatter implements Formatter {

  @Override
  public void print(Result result, PrintWriter out) {
    // Java 17 has no pattern switch; Result is sealed, so this chain is exhaustive.
    if (result instanceof Result.Done d) {
      out.println(d.message() == null ? "OK" : d.message());
    } else if (result instanceof Result.Value v) {
      out.println(v.value() == null ? "(nil)" : Display.word(v.value()));
    } else if (result instanceof Result.Entries e) {
      printEntries(e.entries(), out);
    } else if (result instanceof Result.Number n) {
      out.println(n.name() + ": " + n.value());
    } else if (result instanceof Result.Fields f) {
      printFields(f.fields(), out);
    }
  }

  private static void printEntries(List<Entry> entries, PrintWriter out) {
    if (!entries.isEmpty()) {
      String[][] rows = new String[entries.size()][];
      int keyWidth = "key".length();
      int valueWidth = "value".length();
      for (int i = 0; i < rows.length; i++) {
        Entry e = entries.get(i);
        rows[i] = new String[] {Display.word(e.key()), Display.word(e.value())};
        keyWidth = Math.max(keyWidth, width(rows[i][0]));
        valueWidth = Math.max(valueWidth, width(rows[i][1]));
      }
      String rule = "+" + "-".repeat(keyWidth + 2) + "+" + "-".repeat(valueWidth + 2) + "+";
      out.println(rule);
      out.println(row("key", keyWidth, "value", valueWidth));
      out.println(rule);
      for (String[] r : rows) {
        out.println(row(r[0], keyWidth, r[1], valueWidth));
      }
      out.println(rule);
    }
    out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
  }

  private static void printFields(Map<String, Object> fields, PrintWriter out) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach((name, value) -> out.println(pad(name, width) + "  " + value));
  }

  private static String row(String key, int keyWidth, String value, int valueWidth) {
    return "| " + pad(key, keyWidth) + " | " + pad(value, valueWidth) + " |";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - width(s));
  }

  /** Columns a string takes: code points, so a non-ASCII letter counts once. */
  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
