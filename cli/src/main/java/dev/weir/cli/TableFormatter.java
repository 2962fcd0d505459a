package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The default, for people: entries and other rows in a boxed table with a count under it (numbers
 * right-aligned), stats as aligned name/value lines, one line per watched change. ASCII only, so
 * it reads the same in any terminal and any log.
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
    } else if (result instanceof Result.Change c) {
      out.println(change(c.event()));
    } else if (result instanceof Result.Rows r) {
      printRows(r, out);
    }
  }

  /** {@code [6] put key = value}, {@code [8] range-delete [from, to)}: one line per change. */
  private static String change(ChangeEvent e) {
    String head = "[" + e.sequence() + "] " + Display.changeType(e.type()) + " ";
    return switch (e.type()) {
      case PUT -> head + Display.word(e.key()) + " = " + Display.word(e.value());
      case RANGE_DELETE -> head + "[" + Display.word(e.key()) + ", "
          + (e.rangeEnd() == null ? "-" : Display.word(e.rangeEnd())) + ")";
      default -> head + Display.word(e.key());
    };
  }

  private static void printEntries(List<Entry> entries, PrintWriter out) {
    List<String[]> rows = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      rows.add(new String[] {Display.word(e.key()), Display.word(e.value())});
    }
    box(new String[] {"key", "value"}, rows, new boolean[2], out);
    out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
  }

  private static void printRows(Result.Rows r, PrintWriter out) {
    int columns = r.columns().size();
    boolean[] right = new boolean[columns];
    Arrays.fill(right, true);
    List<String[]> rows = new ArrayList<>(r.rows().size());
    for (List<Object> row : r.rows()) {
      String[] cells = new String[columns];
      for (int i = 0; i < columns; i++) {
        Object cell = row.get(i);
        right[i] &= cell == null || cell instanceof Number;
        cells[i] = cell == null ? r.absent()
            : cell instanceof Bytes b ? Display.word(b) : cell.toString();
      }
      rows.add(cells);
    }
    box(r.columns().toArray(String[]::new), rows, right, out);
    out.println(r.footer());
  }

  /** A boxed table; nothing when there are no rows, where the count line says it all. */
  private static void box(String[] header, List<String[]> rows, boolean[] right, PrintWriter out) {
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = width(header[i]);
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : widths) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(row(header, widths, new boolean[header.length]));
    out.println(rule);
    for (String[] r : rows) {
      out.println(row(r, widths, right));
    }
    out.println(rule);
  }

  private static String row(String[] cells, int[] widths, boolean[] right) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      String gap = " ".repeat(widths[i] - width(cells[i]));
      b.append(' ').append(right[i] ? gap + cells[i] : cells[i] + gap).append(" |");
    }
    return b.toString();
  }

  private static void printFields(Map<String, Object> fields, PrintWriter out) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach((name, value) -> out.println(pad(name, width) + "  " + value));
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - width(s));
  }

  /** Columns a string takes: code points, so a non-ASCII letter counts once. */
  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
