package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each result kind in each format. */
class FormatTest {

  private final ShellDriver.Lines shell = new ShellDriver.Lines();

  @BeforeEach
  void data() {
    shell.run("put a 1");
    shell.run("put \"b c\" \"x\\\"y\"");
    shell.run("put 0x00 0xff");
  }

  @AfterEach
  void close() {
    shell.close();
  }

  @Test
  void formatShowsAndSets() {
    assertEquals("format table\n", shell.run(".format"));
    // The new format already applies to the line that set it.
    assertEquals("{\"ok\":true,\"message\":\"format json\"}\n", shell.run(".format json"));
    assertEquals("error: unknown format 'xml' (use table, json or compact)\n",
        shell.run(".format xml"));
  }

  @Test
  void table() {
    assertEquals("OK\n", shell.run("put d 4"));
    assertEquals("\"x\\\"y\"\n", shell.run("get \"b c\""));
    assertEquals(String.join("\n",
        "+-------+--------+",
        "| key   | value  |",
        "+-------+--------+",
        "| 0x00  | 0xff   |",
        "| a     | 1      |",
        "| \"b c\" | \"x\\\"y\" |",
        "| d     | 4      |",
        "+-------+--------+",
        "4 entries", ""), shell.run("scan \"\""));
    assertEquals("count: 4\n", shell.run("count"));
  }

  /** A CJK character or an emoji takes two columns of a terminal, a combining mark none. */
  @Test
  void tableColumnsAlignWithWideCharacters() {
    shell.run("put z中文 值");
    shell.run("put ze 😀x");
    shell.run("put zcafe\u0301 ok");
    assertEquals(String.join("\n",
        "+-------+-------+",
        "| key   | value |",
        "+-------+-------+",
        "| zcafe\u0301 | ok    |",
        "| ze    | 😀x   |",
        "| z中文 | 值    |",
        "+-------+-------+",
        "3 entries", ""), shell.run("scan z"));
    assertEquals(4, TableFormatter.width("中文"));
    assertEquals(3, TableFormatter.width("😀x"));
    assertEquals(4, TableFormatter.width("cafe\u0301"));
  }

  @Test
  void compact() {
    shell.run(".format compact");
    assertEquals("OK\n", shell.run("put d 4"));
    assertEquals("(nil)\n", shell.run("get zz"));
    assertEquals("0x00=0xff\na=1\n\"b c\"=\"x\\\"y\"\nd=4\n", shell.run("scan \"\""));
    assertEquals("4\n", shell.run("count"));
    assertEquals("1\n", shell.run("del d"));
    assertTrue(shell.run("stats").matches("entries=\\d+ .*runsPerLevel=\\[[0-9,]*\\] .*\n"));
  }

  @Test
  void json() {
    shell.run(".format json");
    assertEquals("{\"ok\":true}\n", shell.run("put d 4"));
    assertEquals("{\"key\":\"b c\",\"value\":\"x\\\"y\"}\n", shell.run("get \"b c\""));
    assertEquals("{\"key\":\"zz\",\"value\":null}\n", shell.run("get zz"));
    // Sequence 1 created the default bucket.
    assertEquals("[{\"key\":\"0x00\",\"value\":\"0xff\",\"seq\":4},"
        + "{\"key\":\"a\",\"value\":\"1\",\"seq\":2}]\n", shell.run("range - b"));
    assertEquals("[]\n", shell.run("scan nothing"));
    assertEquals("{\"count\":4}\n", shell.run("count"));
    assertEquals("{\"deleted\":1}\n", shell.run("del d"));
    assertTrue(shell.run("stats").matches("\\{\"entries\":\\d+,.*\"runsPerLevel\":\\[.*\\].*}\n"));
  }

  @Test
  void helpIsPlainTextInEveryFormat() {
    shell.run(".format json");
    assertTrue(shell.run(".help get").startsWith("  get <key>"));
  }

  @Test
  void jsonStringsEscapeControlCharacters() {
    assertEquals("\"a\\u0001\\n\\t\\\\\"", JsonFormatter.string("a\u0001\n\t\\"));
  }
}
