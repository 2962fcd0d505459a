package dev.weir.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names in the first word, format names after {@code .format},
 * command names after {@code .help} (or {@code help}), and after any other command the options its usage names
 * ({@code --recursive}, {@code --part-size}, ...). Keys, buckets and objects are not completed:
 * that would ask the store on every tab, which a remote store should not pay for.
 */
final class CommandCompleter implements Completer {

  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[a-z][a-z-]*");

  private final CommandTable commands;

  CommandCompleter(CommandTable commands) {
    this.commands = commands;
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
      return commands.names();
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
    return options(command);
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
