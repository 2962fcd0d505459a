package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import org.junit.jupiter.api.Test;

/** Standard input not a terminal: results only, exit codes, errors, --keep-going. */
class ScriptModeTest {

  @Test
  void printsResultsOnlyAndExitsZero() {
    Run run = ShellDriver.script("put a 1\nget a\n");
    assertEquals(new Run(0, "OK\n1\n", ""), run);
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    Run run = ShellDriver.script(
        "# a comment\n\n   \n  # indented comment\nput a \"# not a comment\"\nget a\n");
    assertEquals(new Run(0, "OK\n\"# not a comment\"\n", ""), run);
  }

  @Test
  void theStoreArgumentMayNameMemory() {
    assertEquals(new Run(0, "OK\n", ""), ShellDriver.script("put a 1", ":memory:"));
  }

  @Test
  void stopsAtTheFirstErrorWithItsLineNumber() {
    Run run = ShellDriver.script("put a 1\nfrobnicate\nget a\n");
    assertEquals(new Run(1, "OK\n", "error: line 2: unknown command 'frobnicate' (try help)\n"),
        run);
  }

  @Test
  void keepGoingRunsEveryLineAndStillFails() {
    Run run = ShellDriver.script("get\nput a 1\nput \"\" x\nget a\n", "--keep-going");
    assertEquals(1, run.exitCode());
    assertEquals("OK\n1\n", run.out());
    assertTrue(run.err().matches("error: line 1: usage: get <key>\n"
        + "error: line 3: invalid argument: [^\n]+\n"), run.err());
  }

  @Test
  void keepGoingWithoutErrorsExitsZero() {
    assertEquals(new Run(0, "OK\n", ""), ShellDriver.script("put a 1\n", "--keep-going"));
  }

  @Test
  void typedStoreErrorsNameTheirKind() {
    Run run = ShellDriver.script("put \"\" x\n");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("error: line 1: invalid argument: "), run.err());
  }

  @Test
  void badQuotingIsAnError() {
    assertEquals(new Run(1, "", "error: line 1: unterminated \" quote\n"),
        ShellDriver.script("put \"a 1\n"));
  }

  @Test
  void exitStopsReading() {
    assertEquals(new Run(0, "OK\n", ""), ShellDriver.script("put a 1\n.exit\nfrobnicate\n"));
    assertEquals(new Run(0, "OK\n", ""), ShellDriver.script("put a 1\nexit\nfrobnicate\n"));
    assertEquals(new Run(0, "OK\n", ""), ShellDriver.script("put a 1\nquit\nfrobnicate\n"));
  }

  @Test
  void helpWithoutTheDot() {
    Run help = ShellDriver.script("help\n");
    assertEquals(0, help.exitCode(), help.err());
    assertEquals(ShellDriver.script(".help\n").out(), help.out());
    assertTrue(help.out().contains("  scan [prefix] [limit]"), help.out());
    assertEquals(new Run(0, "  get <key>  show a value, or (nil)\n", ""),
        ShellDriver.script("help get\n"));
  }

  @Test
  void aMistypedCommandSuggestsTheNearest() {
    assertEquals(new Run(1, "", "error: line 1: unknown command 'sacn': did you mean scan?"
        + " (try help)\n"), ShellDriver.script("sacn user:\n"));
  }

  @Test
  void scanWithoutAPrefixScansEverything() {
    assertEquals(new Run(0, "OK\nOK\nformat compact\na=1\nb=2\n", ""),
        ShellDriver.script("put b 2\nput a 1\n.format compact\nscan\n"));
    assertEquals(new Run(0, "OK\nOK\nformat compact\na=1\n", ""),
        ShellDriver.script("put b 2\nput a 1\n.format compact\nscan \"\" 1\n"));
  }

  @Test
  void inputEndingInsideABatchIsAnErrorAndAppliesNothing() {
    Run run = ShellDriver.script("batch\nput a 1\n");
    assertEquals(1, run.exitCode());
    assertEquals("error: input ended inside a batch: 1 queued operation not applied\n",
        run.err());
  }

  @Test
  void anOpenSnapshotIsReleasedAtTheEnd() {
    assertEquals(0, ShellDriver.script("snapshot\nget a\n").exitCode());
  }

  @Test
  void utf8InAndOut() {
    assertEquals(new Run(0, "OK\nnaïve☃\n", ""), ShellDriver.script("put k naïve☃\nget k\n"));
  }

  @Test
  void aMissingObjectStopsAScript() {
    Run run = ShellDriver.script("mb photos\ncat photos/nope\nls photos\n");
    assertEquals(new Run(1, "made bucket photos\n",
        "error: line 2: not found (object): no such object: photos/nope\n"), run);
  }

  @Test
  void keepGoingRunsPastObjectErrorsAndStillFails() {
    Run run = ShellDriver.script("rm default/nope\nls nobucket\nls\n", "--keep-going");
    assertEquals(1, run.exitCode());
    assertEquals("error: line 1: not found (object): no such object: default/nope\n"
        + "error: line 2: not found (bucket): no such bucket: nobucket\n", run.err());
    assertTrue(run.out().endsWith("| default |       0 |     0 |\n+---------+---------+-------+\n"
        + "1 bucket\n"), run.out());
  }

  @Test
  void aStoreMayBeADsn() {
    Run run = ShellDriver.script("ls\n", "mem://x?bucket=photos");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("| photos |"), run.out());
  }
}
