package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every key command, one line at a time on one session, in the default table format. */
class StoreCommandsTest {

  private final ShellDriver.Lines shell = new ShellDriver.Lines();

  @AfterEach
  void close() {
    shell.close();
  }

  @Test
  void putGetDel() {
    assertEquals("OK\n", shell.run("put a 1"));
    assertEquals("1\n", shell.run("get a"));
    assertEquals("(nil)\n", shell.run("get b"));
    assertEquals("deleted: 1\n", shell.run("del a"));
    assertEquals("deleted: 0\n", shell.run("del a"));
    assertEquals("(nil)\n", shell.run("get a"));
  }

  @Test
  void commandNamesIgnoreCase() {
    assertEquals("OK\n", shell.run("PUT a 1"));
    assertEquals("1\n", shell.run("Get a"));
  }

  @Test
  void quotedKeysAndValuesKeepTheirSpaces() {
    shell.run("put \"my key\" 'a value'");
    assertEquals("\"a value\"\n", shell.run("get \"my key\""));
    assertEquals("(nil)\n", shell.run("get my"));
  }

  @Test
  void hexKeysAndValues() {
    shell.run("put 0x00ff 0xcafe");
    assertEquals("0xcafe\n", shell.run("get 0x00FF"));
    shell.run("put 0x41 0x42"); // "A" = "B": printable, so shown as text
    assertEquals("B\n", shell.run("get A"));
    shell.run("put \"0x41\" text");
    assertEquals("text\n", shell.run("get \"0x41\""));
    assertEquals("B\n", shell.run("get 0x41"));
  }

  @Test
  void ttlExpiresOnTheStoreClock() {
    assertEquals("OK\n", shell.run("ttl s token 500ms"));
    assertEquals("token\n", shell.run("get s"));
    shell.clock.addAndGet(499);
    assertEquals("token\n", shell.run("get s"));
    shell.clock.addAndGet(1);
    assertEquals("(nil)\n", shell.run("get s"));
  }

  @Test
  void ttlRefusesABadDuration() {
    assertEquals("error: bad duration '5x' (use e.g. 500ms, 30s, 5m, 1h, 2d)\n",
        shell.run("ttl s v 5x"));
    assertTrue(shell.run("ttl s v 0s").startsWith("error: invalid argument: "));
  }

  @Test
  void delprefixCountsWhatItDeleted() {
    shell.run("put u:1 a");
    shell.run("put u:2 b");
    shell.run("put v:1 c");
    assertEquals("deleted: 2\n", shell.run("delprefix u:"));
    assertEquals("count: 1\n", shell.run("count"));
  }

  @Test
  void scanWithPrefixAndLimit() {
    shell.run("put u:1 a");
    shell.run("put u:2 b");
    shell.run("put v:1 c");
    assertEquals(String.join("\n",
        "+-----+-------+",
        "| key | value |",
        "+-----+-------+",
        "| u:1 | a     |",
        "| u:2 | b     |",
        "+-----+-------+",
        "2 entries", ""), shell.run("scan u:"));
    assertTrue(shell.run("scan u: 1").endsWith("| u:1 | a     |\n+-----+-------+\n1 entry\n"));
    assertEquals("0 entries\n", shell.run("scan w:"));
    assertTrue(shell.run("scan \"\"").endsWith("3 entries\n"));
  }

  @Test
  void rangeWithOpenEndsLimitAndReverse() {
    for (String k : new String[] {"a", "b", "c", "d"}) {
      shell.run("put " + k + " " + k);
    }
    shell.run(".format compact");
    assertEquals("b=b\nc=c\n", shell.run("range b d"));
    assertEquals("c=c\nd=d\n", shell.run("range c -"));
    assertEquals("a=a\n", shell.run("range - b"));
    assertEquals("d=d\nc=c\n", shell.run("range - - 2 reverse"));
    assertEquals("d=d\n", shell.run("range - - reverse 1"));
    assertEquals("a=a\nb=b\nc=c\nd=d\n", shell.run("range - -"));
    shell.run("put - dash");
    assertEquals("\"-\"=dash\n", shell.run("range \"-\" a"));
  }

  @Test
  void rangeRefusesBadTrailingWords() {
    assertEquals("error: usage: range <from> <to> [limit] [reverse]\n",
        shell.run("range a b reverse reverse"));
    assertEquals("error: bad limit 'up': expected a whole number\n", shell.run("range a b up"));
    assertTrue(shell.run("range b a").startsWith("error: invalid argument: "));
    assertTrue(shell.run("range a b 0").startsWith("error: invalid argument: "));
  }

  @Test
  void countAllOrByPrefix() {
    assertEquals("count: 0\n", shell.run("count"));
    shell.run("put u:1 a");
    shell.run("put v:1 b");
    assertEquals("count: 2\n", shell.run("count"));
    assertEquals("count: 1\n", shell.run("count u:"));
  }

  @Test
  void compactMergesEverythingIntoOneLevelAndKeepsTheContents() {
    // :memory: keeps one version of a key, so the overwritten value and the deletion go; the
    // default bucket's record stays (5 entries: it and the four writes; 2 left: it and a)
    ShellDriver.Run run = ShellDriver.script("""
        put a 1
        put a 2
        put b 1
        del b
        compact
        get a
        get b
        count
        """);
    assertEquals(new ShellDriver.Run(0, """
        OK
        OK
        OK
        deleted: 1
        compacted: 5 entries -> 2, runs per level [] -> [0, 1]
        2
        (nil)
        count: 1
        """, ""), run);
  }

  @Test
  void compactWaitsForTheBatchToEnd() {
    shell.run("batch");
    assertEquals("error: compact cannot run inside a batch: end or abort the batch first\n",
        shell.run("compact"));
  }

  @Test
  void statsListsTheEngineCounters() {
    shell.run("put a 1");
    String stats = shell.run("stats");
    assertTrue(stats.contains("lastSequence"), stats);
    // The engine counts every key, the default bucket's record (under 0x006f) too.
    assertTrue(stats.lines().anyMatch(l -> l.matches("entries +2")), stats);
    // A budget by default (half the max heap), printed as serve prints it.
    String budget = dev.weir.engine.ByteSize.format(
        dev.weir.engine.EngineConfig.defaults().maxMemoryBytes());
    assertTrue(stats.lines().anyMatch(l -> l.matches("maxMemoryBytes +" + budget)), stats);
  }
}
