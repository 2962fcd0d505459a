package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.reactive.Weir;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

  private final CommandTable table = CommandTable.standard();

  @Test
  void theStandardCommands() {
    assertEquals(List.of("put", "get", "del", "ttl", "delprefix", "scan", "range", "count",
        "stats", "compact", "watch", "history", "mb", "rb", "ls", "upload", "cat", "head", "cp", "mv", "rm",
        "du", "table", "batch", "end", "abort", "snapshot", "release", ".format", ".help", ".exit",
        "help", "exit", "quit"),
        table.names());
  }

  @Test
  void helpListsEveryCommandWithItsUsage() {
    String help = table.help(null);
    for (Command c : table.all()) {
      assertTrue(help.contains("  " + c.usage() + " "), c.name());
    }
  }

  @Test
  void helpForOneCommand() {
    assertEquals("  del <key>  delete a key\n", table.help("del"));
    assertEquals("  compact  flush and merge everything into one level now (contents do not"
        + " change)\n", table.help("compact"));
    assertEquals("unknown command 'nope' (try help)",
        assertThrows(ShellException.class, () -> table.help("nope")).getMessage());
    assertEquals(table.help(".exit"), table.help("quit"));
  }

  @Test
  void helpExitAndQuitWorkWithoutTheDot() {
    assertEquals(".help", table.find("help").name());
    assertEquals(".exit", table.find("EXIT").name());
    assertEquals(".exit", table.find("quit").name());
    assertTrue(table.help(null).contains("leave the shell (or Ctrl-D) (also exit, quit)\n"),
        table.help(null));
  }

  @Test
  void anUnknownCommandSuggestsTheNearestName() {
    assertEquals("unknown command 'sacn': did you mean scan? (try help)",
        assertThrows(ShellException.class, () -> table.find("sacn")).getMessage());
    assertEquals("unknown command 'delprefx': did you mean delprefix? (try help)",
        assertThrows(ShellException.class, () -> table.find("delprefx")).getMessage());
    assertEquals("unknown command 'format': did you mean .format? (try help)",
        assertThrows(ShellException.class, () -> table.find("format")).getMessage());
    assertEquals("unknown command 'qiut': did you mean quit? (try help)",
        assertThrows(ShellException.class, () -> table.find("qiut")).getMessage());
    assertEquals("unknown command 'frobnicate' (try help)",
        assertThrows(ShellException.class, () -> table.find("frobnicate")).getMessage());
  }

  @Test
  void namesAreUnique() {
    assertThrows(IllegalStateException.class,
        () -> table.add(Command.of("get <other>", "twice", 0, 0, (s, a) -> Result.ok())));
    assertThrows(IllegalStateException.class, () -> table.alias("help", ".format"));
    assertThrows(IllegalStateException.class, () -> table.alias("get", ".exit"));
    assertThrows(IllegalStateException.class, () -> table.alias("leave", "nothing"));
  }

  @Test
  void completionOffersCommandsThenFormats() {
    CommandCompleter completer = new CommandCompleter(table, new Session(Weir.inMemory(), null, "t"));
    List<String> first = new ArrayList<>(table.names());
    first.addAll(Statements.KEYWORDS);
    assertEquals(first, completer.candidates(List.of(""), 0));
    assertEquals(List.of("table", "json", "compact"),
        completer.candidates(List.of(".format", ""), 1));
    assertEquals(table.names(), completer.candidates(List.of(".help", ""), 1));
    assertEquals(table.names(), completer.candidates(List.of("help", ""), 1));
    assertEquals(List.of(), completer.candidates(List.of("get", ""), 1));
    assertEquals(List.of("--recursive"), completer.candidates(List.of("ls", ""), 1));
    assertEquals(List.of("--part-size", "--type"),
        completer.candidates(List.of("upload", "f", ""), 2));
    assertEquals(List.of("-r"), completer.candidates(List.of("rm", ""), 1));
  }

  @Test
  void wrongArgumentCountsPrintTheUsage() {
    try (ShellDriver.Lines shell = new ShellDriver.Lines()) {
      for (Command c : table.all()) {
        if (c.maxArgs() < 4) {
          String tooMany = c.name() + " 1 2 3 4";
          assertEquals("error: usage: " + c.usage() + "\n", shell.run(tooMany), tooMany);
        }
      }
      assertEquals("error: usage: put <key> <value>\n", shell.run("put a"));
    }
  }
}
