package dev.weir.cli;

import dev.weir.engine.Entry;
import dev.weir.table.Item;
import java.io.PrintWriter;
import java.util.Locale;

/** Turns a {@link Result} into output lines; one implementation per {@code .format}. */
interface Formatter {

  /** Prints any result but {@link Result.Entries}, which arrive one by one: see below. */
  void print(Result result, PrintWriter out);

  /**
   * Where the entries of a {@link Result.Entries} go as they arrive. A table aligns its rows
   * in groups of at most {@code group} (a screenful on a terminal), so at most that many wait.
   */
  Entries entries(PrintWriter out, int group);

  /** Where the items of a {@link Result.Items} go as they arrive; grouped as entries are. */
  Items items(PrintWriter out, int group);

  /** Prints entries one at a time; used by one thread, the shell's. */
  interface Entries {

    void entry(Entry entry);

    /** After the last entry; {@code stopped}: Ctrl-C ended the listing before the store did. */
    void end(boolean stopped);
  }

  /** Prints items one at a time; used by one thread, the shell's. */
  interface Items {

    void item(Item item);

    /** After the last item; {@code stopped}: Ctrl-C ended the listing before the store did. */
    void end(boolean stopped);
  }

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
