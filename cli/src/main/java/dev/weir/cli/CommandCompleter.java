package dev.weir.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names and PartiQL's first words in the first word, format names after
 * {@code .format}, command names after {@code .help} (or {@code help}), {@code table}'s
 * subcommands and then table names, in a statement table names after {@code FROM}, {@code
 * INTO} and {@code UPDATE} and elsewhere the attributes of its table, and after any other command
 * the options its usage names ({@code --recursive}, {@code --part-size}, ...). Tables and
 * attributes come from what the shell has learned ({@link TableHints}: one listing at the first
 * tab, then what table commands and statements show), keys, buckets and objects not at all:
 * that would ask the store on every tab, which a remote store should not pay for.
 */
final class CommandCompleter implements Completer {

  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[a-z][a-z-]*");

  /** After these words of a statement comes a table name. */
  private static final Set<String> BEFORE_TABLE = Set.of("FROM", "INTO", "UPDATE");

  private final CommandTable commands;
  private final Session session;

  CommandCompleter(CommandTable commands, Session session) {
    this.commands = commands;
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String word : candidates(line.words(), line.wordIndex())) {
      candidates.add(new Candidate(word));
    }
  }

  /** The words that may stand at {@code index} after {@code words}; testable without JLine. */
  List<String> candidates(List<String> words, int index) {
    if (index == 0) {
      List<String> first = new ArrayList<>(commands.names());
      first.addAll(Statements.KEYWORDS);
      return first;
    }
    if (Statements.starts(words.get(0))) {
      return inStatement(words, index);
    }
    Command command = index >= 1 ? commands.lookup(words.get(0)) : null;
    if (command == null) {
      return List.of();
    }
    if (index == 1 && command.name().equals(".format")) {
      return List.of("table", "json", "compact");
    }
    if (index == 1 && command.name().equals(".help")) {
      return commands.names();
    }
    if (command.name().equals("table")) {
      if (index == 1) {
        return TableCommands.SUBCOMMANDS;
      }
      String sub = words.get(1).toLowerCase(Locale.ROOT);
      return index == 2 && (sub.equals("describe") || sub.equals("drop")) ? tables() : List.of();
    }
    return options(command);
  }

  /** Table names after FROM, INTO or UPDATE; else the attributes of the statement's table. */
  private List<String> inStatement(List<String> words, int index) {
    if (BEFORE_TABLE.contains(words.get(index - 1).toUpperCase(Locale.ROOT))) {
      return tables();
    }
    String table = null;
    for (int i = 1; i < words.size() && i != index; i++) {
      if (BEFORE_TABLE.contains(words.get(i - 1).toUpperCase(Locale.ROOT))) {
        table = tableName(words.get(i));
      }
    }
    return session.hints().attributes(table);
  }

  /** {@code users} of {@code users}, {@code "users"} or {@code users."by-email"}. */
  private static String tableName(String word) {
    int dot = word.indexOf('.');
    return (dot < 0 ? word : word.substring(0, dot)).replace("\"", "");
  }

  /** The tables known; the first time, from one listing (a remote store's one round trip). */
  private List<String> tables() {
    TableHints hints = session.hints();
    if (!hints.listed()) {
      try {
        hints.tables(Await.all(session.tables().listTables()));
      } catch (RuntimeException e) {
        return hints.tableNames(); // no completion is worth an error in the middle of a line
      }
    }
    return hints.tableNames();
  }

  /** The options written in a command's usage: the table is the one place they are named. */
  private static List<String> options(Command command) {
    List<String> options = new ArrayList<>();
    Matcher m = OPTION.matcher(command.usage());
    while (m.find()) {
      options.add(m.group());
    }
    return options;
  }
}
