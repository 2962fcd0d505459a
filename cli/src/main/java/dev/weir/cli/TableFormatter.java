package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.utils.WCWidth;

/**
 * The default, for people: entries and other rows in a boxed table with a count under it (numbers
 * right-aligned), stats as aligned name/value lines, one line per watched change. The box is
 * ASCII, so it reads the same in any terminal and any log; cells are padded by the columns
 * their text takes on a terminal (two for a CJK character or an emoji), so wide text aligns.
 */
final class TableFormatter implements Formatter {

  @Override
  public void print(Result result, PrintWriter out) {
    // Java 17 has no pattern switch; Result is sealed, so this chain is exhaustive.
    if (result instanceof Result.Done d) {
      out.println(d.message() == null ? "OK" : d.message());
    } else if (result instanceof Result.Value v) {
      out.println(v.value() == null ? "(nil)" : Display.word(v.value()));
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

  /**
   * {@code [6] put key = value}, {@code [7] log key = value} (a log record: in the change feed
   * only), {@code [8] range-delete [from, to)}: one line per change.
   */
  private static String change(ChangeEvent e) {
    String head = "[" + e.sequence() + "] " + Display.changeType(e.type()) + " ";
    return switch (e.type()) {
      case PUT, LOG -> head + Display.word(e.key()) + " = " + Display.word(e.value());
      case RANGE_DELETE -> head + "[" + Display.word(e.key()) + ", "
          + (e.rangeEnd() == null ? "-" : Display.word(e.rangeEnd())) + ")";
      default -> head + Display.word(e.key());
    };
  }

  /**
   * Entries in a box whose columns fit each group of rows: the header and the first group
   * print as soon as the first group is in, and a later group with wider cells widens the
   * columns from there on, under a rule of the new width.
   */
  @Override
  public Entries entries(PrintWriter out, int group) {
    String[] header = {"key", "value"};
    boolean[] right = new boolean[header.length]; // keys and values are text: left-aligned
    return new Entries() {
      private final List<String[]> rows = new ArrayList<>(Math.min(group, 1024));
      private int[] widths;
      private long count;

      @Override
      public void entry(Entry e) {
        rows.add(new String[] {Display.word(e.key()), Display.word(e.value())});
        count++;
        if (rows.size() >= group) {
          printGroup();
        }
      }

      @Override
      public void end(boolean stopped) {
        printGroup();
        if (widths != null) {
          out.println(rule(widths));
        }
        out.println(count + (count == 1 ? " entry" : " entries") + (stopped ? " (stopped)" : ""));
      }

      private void printGroup() {
        if (rows.isEmpty()) {
          return;
        }
        int[] wider = widths(header, rows);
        if (widths != null) {
          for (int i = 0; i < wider.length; i++) {
            wider[i] = Math.max(wider[i], widths[i]);
          }
        }
        if (widths == null) {
          out.println(rule(wider));
          out.println(row(header, wider, right));
          out.println(rule(wider));
        } else if (!Arrays.equals(widths, wider)) {
          out.println(rule(wider));
        }
        widths = wider;
        for (String[] r : rows) {
          out.println(row(r, widths, right));
        }
        rows.clear();
        out.flush();
      }
    };
  }

  /**
   * Items in boxes whose columns are the attributes of the rows in them: the union, in the
   * order they first appear, over each group of rows (a screenful on a terminal), so items of
   * any shape line up without the whole result held. A column of numbers is right-aligned; an
   * item without an attribute leaves its cell empty.
   */
  @Override
  public Items items(PrintWriter out, int group) {
    return new Items() {
      private final List<Item> rows = new ArrayList<>(Math.min(group, 1024));
      private long count;

      @Override
      public void item(Item item) {
        rows.add(item);
        count++;
        if (rows.size() >= group) {
          printGroup();
        }
      }

      @Override
      public void end(boolean stopped) {
        printGroup();
        out.println(count + (count == 1 ? " item" : " items") + (stopped ? " (stopped)" : ""));
      }

      private void printGroup() {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(item -> names.addAll(item.names()));
        String[] header = names.toArray(String[]::new);
        boolean[] right = new boolean[header.length];
        Arrays.fill(right, true);
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Item item : rows) {
          String[] row = new String[header.length];
          for (int i = 0; i < header.length; i++) {
            AttributeValue value = item.get(header[i]);
            right[i] &= value == null || value instanceof AttributeValue.NumberValue;
            row[i] = value == null ? "" : ItemText.cell(value);
          }
          cells.add(row);
        }
        box(header, cells, right, out);
        rows.clear();
        out.flush();
      }
    };
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
    int[] widths = widths(header, rows);
    String rule = rule(widths);
    out.println(rule);
    out.println(row(header, widths, new boolean[header.length]));
    out.println(rule);
    for (String[] r : rows) {
      out.println(row(r, widths, right));
    }
    out.println(rule);
  }

  /** The columns each column needs for the header and {@code rows}. */
  private static int[] widths(String[] header, List<String[]> rows) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = width(header[i]);
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    return widths;
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int w : widths) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    return rule.toString();
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

  /**
   * Columns a string takes on a terminal: two for a CJK character or an emoji, none for a
   * combining mark. The shell prints no control characters (they show as hex).
   */
  static int width(String s) {
    return s.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
  }
}
