package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.table.Item;
import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;

/**
 * For pipes and diffs: one {@code key=value} line per entry, bare numbers, stats on one line,
 * other rows as space-separated words ({@code -} for an empty cell), one line per change:
 * {@code 6 put key=value}. Keys and values are quoted the way the shell reads them, so output
 * can be fed back in.
 */
final class CompactFormatter implements Formatter {

  @Override
  public void print(Result result, PrintWriter out) {
    if (result instanceof Result.Done d) {
      out.println(d.message() == null ? "OK" : d.message());
    } else if (result instanceof Result.Value v) {
      out.println(v.value() == null ? "(nil)" : Display.word(v.value()));
    } else if (result instanceof Result.Number n) {
      out.println(n.value());
    } else if (result instanceof Result.Fields f) {
      StringJoiner line = new StringJoiner(" ");
      f.fields().forEach((name, value) -> line.add(name + "=" + value.toString().replace(" ", "")));
      out.println(line);
    } else if (result instanceof Result.Change c) {
      out.println(change(c.event()));
    } else if (result instanceof Result.Rows r) {
      String absent = r.absent().isEmpty() ? "-" : r.absent();
      for (List<Object> row : r.rows()) {
        StringJoiner line = new StringJoiner(" ");
        row.forEach(cell -> line.add(cell == null ? absent
            : cell instanceof Bytes b ? Display.word(b)
            : cell instanceof String text ? Display.word(text) : cell.toString()));
        out.println(line);
      }
    }
  }

  @Override
  public Entries entries(PrintWriter out, int group) {
    return new Entries() {
      @Override
      public void entry(Entry entry) {
        out.println(Display.word(entry.key()) + "=" + Display.word(entry.value()));
      }

      @Override
      public void end(boolean stopped) {}
    };
  }

  /** {@code {'pk': 'user#1', 'age': 30}}: one item a line, in PartiQL's literal syntax. */
  @Override
  public Items items(PrintWriter out, int group) {
    return new Items() {
      @Override
      public void item(Item item) {
        out.println(ItemText.item(item));
      }

      @Override
      public void end(boolean stopped) {}
    };
  }

  private static String change(ChangeEvent e) {
    String head = e.sequence() + " " + Display.changeType(e.type()) + " ";
    return switch (e.type()) {
      case PUT, LOG -> head + Display.word(e.key()) + "=" + Display.word(e.value());
      case RANGE_DELETE -> head + Display.word(e.key()) + " "
          + (e.rangeEnd() == null ? "-" : Display.word(e.rangeEnd()));
      default -> head + Display.word(e.key());
    };
  }
}
