package dev.weir.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names in the first word, format names after {@code .format},
 * command names after {@code .help}. Keys are not completed: that would scan the store on
 * every tab, which a remote store should not pay for.
 */
final class CommandCompleter implements Completer {

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
    if (index == 1 && words.get(0).equals(".format")) {
      return List.of("table", "json", "compact");
    }
    if (index == 1 && words.get(0).equals(".help")) {
      return commands.names();
    }
    return List.of();
  }
}
