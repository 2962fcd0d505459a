package dev.weir.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands a shell knows, by name, in the order {@code .help} lists them, and their other
 * names ({@code help} for {@code .help}). A new command is one {@link #add}; completion, help
 * and the suggestion for a mistyped name follow from the table.
 */
final class CommandTable {

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>(); // alias -> command name

  /**
   * The standard table: key commands, watch and history, object commands, tables, then batch
   * and snapshot, then shell controls.
   */
  static CommandTable standard() {
    CommandTable table = new CommandTable();
    StoreCommands.addTo(table);
    ChangeCommands.addTo(table);
    ObjectCommands.addTo(table);
    TableCommands.addTo(table);
    SessionCommands.addTo(table);
    return table;
  }

  CommandTable add(Command command) {
    if (commands.putIfAbsent(command.name(), command) != null) {
      throw new IllegalStateException("two commands named " + command.name());
    }
    return this;
  }

  /** Another name for the command called {@code name}. */
  CommandTable alias(String alias, String name) {
    if (!commands.containsKey(name)) {
      throw new IllegalStateException("no command named " + name);
    }
    if (commands.containsKey(alias) || aliases.putIfAbsent(alias, name) != null) {
      throw new IllegalStateException("two commands named " + alias);
    }
    return this;
  }

  /** The command called {@code name} (any case), or else the nearest name in the error. */
  Command find(String name) {
    Command c = lookup(name);
    if (c == null) {
      String nearest = Nearest.to(name.toLowerCase(Locale.ROOT), names());
      throw new ShellException("unknown command '" + name + "'"
          + (nearest == null ? " (try help)" : ": did you mean " + nearest + "? (try help)"));
    }
    return c;
  }

  /** The command called {@code name} (any case), or null. */
  Command lookup(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return commands.get(aliases.getOrDefault(key, key));
  }

  /** The commands' names in table order, then their other names. */
  List<String> names() {
    List<String> names = new ArrayList<>(commands.keySet());
    names.addAll(aliases.keySet());
    return Collections.unmodifiableList(names);
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
          .append("  ").append(c.summary()).append(otherNames(c)).append('\n');
    }
    if (name == null) {
      b.append(HELP_FOOTER);
    }
    return b.toString();
  }

  private String otherNames(Command c) {
    List<String> names = new ArrayList<>();
    aliases.forEach((alias, name) -> {
      if (name.equals(c.name())) {
        names.add(alias);
      }
    });
    return names.isEmpty() ? "" : " (also " + String.join(", ", names) + ")";
  }

  private static final String HELP_FOOTER = String.join("\n",
      "Keys and values are UTF-8 text, or hex after 0x (0x00ff). Quote text with spaces",
      "(\"a b\" or 'a b'); quoted words are always text, so \"0x41\" and \"-\" are literal.",
      "Durations: 500ms, 30s, 5m, 1h, 2d. Lines starting with # are comments.",
      "",
      "Tables: " + TableCommands.CREATE_USAGE,
      "  keys as name:TYPE (S, N or B), e.g. table create users pk:S gsi by-email email:S ttl exp",
      "PartiQL: a line starting with SELECT, INSERT, UPDATE, DELETE or EXPLAIN is a statement,",
      "  which may go on over lines and runs at its ';':",
      "  INSERT INTO users VALUE {'pk': 'user#1', 'name': 'Alice'};",
      "  SELECT * FROM users WHERE pk = 'user#1';    SELECT * FROM users.\"by-email\" WHERE ...;",
      "  UPDATE users SET age = 31 WHERE pk = 'user#1';  DELETE FROM users WHERE pk = 'user#1';",
      "  EXPLAIN <statement>; tells whether it runs as a GET, a QUERY or a SCAN.",
      "");
}
