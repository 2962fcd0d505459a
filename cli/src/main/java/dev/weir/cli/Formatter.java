package dev.weir.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Turns a {@link Result} into output lines; one implementation per {@code .format}. */
interface Formatter {

  void print(Result result, PrintWriter out);

  /** The {@code .format} names, in the order {@code .help} lists them. */
  enum Kind {
    TABLE(new TableFormatter()),
    JSON(new JsonFormatter()),
    COMPACT(new CompactFormatter());

    private final Formatter formatter;

    Kind(Formatter formatter) {
      this.formatter = formatter;
    }

    Formatter formatter() {
      return formatter;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.label().equals(name)) {
          return k;
        }
      }
      throw new ShellException("unknown format '" + name + "' (use table, json or compact)");
    }
  }
}
