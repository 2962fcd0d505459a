package dev.weir.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands a shell knows, by name, in the order {@code .help} lists them. A new command is
 * one {@link #add}; completion and help follow from the table.
 */
final class CommandTable {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  /**
   * The standard table: key commands, watch and history, object commands, then batch and
   * snapshot, then shell controls.
   */
  static CommandTable standard() {
    CommandTable table = new CommandTable();
    StoreCommands.addTo(table);
    ChangeCommands.addTo(table);
    ObjectCommands.addTo(table);
    SessionCommands.addTo(table);
    return table;
  }

  CommandTable add(Command command) {
    if (commands.putIfAbsent(command.name(), command) != null) {
      throw new IllegalStateException("two commands named " + command.name());
    }
    return this;
  }

  /** The command called {@code name} (any case). */
  Command find(String name) {
    Command c = commands.get(name.toLowerCase(Locale.ROOT));
    if (c == null) {
      throw new ShellException("unknown command '" + name + "' (try .help)");
    }
    return c;
  }

  List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(commands.keySet()));
  }

  Collection<Command> all() {
    return Collections.unmodifiableCollection(commands.values());
  }

  /** Every command's usage and summary, aligned; or one command's when {@code name} is given. */
  String help(String name) {
    Collection<Command> shown = name == null ? all() : List.of(find(name));
    int width = shown.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (Command c : shown) {
      b.append("  ").append(c.usage()).append(" ".repeat(width - c.usage().length()))
          .append("  ").append(c.summary()).append('\n');
    }
    if (name == null) {
      b.append(HELP_FOOTER);
    }
    return b.toString();
  }

  private static final String HELP_FOOTER = String.join("\n",
      "Keys and values are UTF-8 text, or hex after 0x (0x00ff). Quote text with spaces",
      "(\"a b\" or 'a b'); quoted words are always text, so \"0x41\" and \"-\" are literal.",
      "Durations: 500ms, 30s, 5m, 1h, 2d. Lines starting with # are comments.",
      "");
}
