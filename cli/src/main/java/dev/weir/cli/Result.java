package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.Entry;
import dev.weir.table.Item;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * What a command produced, before formatting: commands return data, a {@link Formatter} turns
 * it into text, so a new output format never touches a command.
 */
sealed interface Result {

  /** Nothing to print: a blank line or comment, or leaving the shell. */
  Result NONE = new Done(null, true);

  static Result ok() {
    return new Done(null, false);
  }

  static Result ok(String message) {
    return new Done(message, false);
  }

  /** A command that changed state; {@code message} is null for a plain "OK". */
  record Done(String message, boolean silent) implements Result {}

  /** The value of one key; {@code value} is null when the key has none. */
  record Value(Bytes key, Bytes value) implements Result {}

  /**
   * Entries as the store streams them: the shell prints each as it arrives (a page at a time
   * on a terminal), so a scan of any size is never held whole.
   */
  record Entries(Flux<Entry> entries) implements Result {}

  /**
   * Items of a table as a statement streams them (a PartiQL {@code SELECT}): printed as they
   * arrive, as {@link Entries} are.
   */
  record Items(Flux<Item> items) implements Result {}

  /** One named number: {@code count}, {@code deleted}. */
  record Number(String name, long value) implements Result {}

  /** Text for people, printed as it is in every format: {@code .help}. */
  record Text(String text) implements Result {}

  /** Named values in a fixed order (stats); each value is a number, a string or a list. */
  record Fields(Map<String, Object> fields) implements Result {}

  /** One committed change, printed by {@code watch} as it arrives. */
  record Change(ChangeEvent event) implements Result {}

  /**
   * A table of any shape (history, listings). Cells are numbers, strings, {@link Bytes} (shown
   * like keys and values) or null, which the table and compact formats show as {@code absent}
   * and JSON as {@code null}. {@code footer} is the line under the table, such as "3 objects".
   */
  record Rows(List<String> columns, List<List<Object>> rows, String absent, String footer)
      implements Result {}
}
