package dev.weir.cli;

import dev.weir.engine.Entry;
import java.io.PrintWriter;
import java.util.StringJoiner;

/**
 * For pipes and diffs: one {@code key=value} line per entry, bare numbers, stats on one line.
 * Keys and values are quoted the way the shell reads them, so output can be fed back in.
 */
final class CompactFormatter implements Formatter {

  @Override
  public void print(Result result, PrintWriter out) {
    if (result instanceof Result.Done d) {
      out.println(d.message() == null ? "OK" : d.message());
    } else if (result instanceof Result.Value v) {
      out.println(v.value() == null ? "(nil)" : Display.word(v.value()));
    } else if (result instanceof Result.Entries e) {
      for (Entry entry : e.entries()) {
        out.println(Display.word(entry.key()) + "=" + Display.word(entry.value()));
      }
    } else if (result instanceof Result.Number n) {
      out.println(n.value());
    } else if (result instanceof Result.Fields f) {
      StringJoiner line = new StringJoiner(" ");
      f.fields().forEach((name, value) -> line.add(name + "=" + value.toString().replace(" ", "")));
      out.println(line);
    }
  }
}
