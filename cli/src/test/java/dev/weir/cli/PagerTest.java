package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pager on a pretend screen of 4 rows of 10 columns, its keys typed in advance. */
class PagerTest {

  private final StringWriter screenText = new StringWriter();
  private final Deque<Integer> keys = new ArrayDeque<>();
  private int prompts;
  private final Pager pager = new Pager(screenText, new Pager.Screen() {
    @Override
    public int rows() {
      return 4;
    }

    @Override
    public int columns() {
      return 10;
    }

    @Override
    public int readKey() {
      prompts++;
      return keys.isEmpty() ? -1 : keys.poll();
    }
  });
  private final PrintWriter out = new PrintWriter(pager);

  private static final String ERASE = "\r" + " ".repeat(Pager.PROMPT.length()) + "\r";

  private String print(List<String> lines, Integer... typed) {
    keys.addAll(List.of(typed));
    pager.start();
    for (String line : lines) {
      out.println(line);
    }
    out.flush();
    pager.stop();
    return screenText.toString();
  }

  @Test
  void stopsAfterAScreenfulSpaceShowsTheNext() {
    String shown = print(List.of("1", "2", "3", "4", "5", "6", "7"), (int) ' ', (int) ' ');
    assertEquals("1\n2\n3\n" + Pager.PROMPT + ERASE + "4\n5\n6\n" + Pager.PROMPT + ERASE + "7\n",
        shown);
    assertFalse(pager.quit());
  }

  @Test
  void enterShowsOneMoreLine() {
    String shown = print(List.of("1", "2", "3", "4", "5"), (int) '\r', (int) ' ');
    assertEquals("1\n2\n3\n" + Pager.PROMPT + ERASE + "4\n" + Pager.PROMPT + ERASE + "5\n",
        shown);
  }

  @Test
  void qDropsTheRestUntilTheNextResult() {
    String shown = print(List.of("1", "2", "3", "4", "5"), (int) 'q');
    assertEquals("1\n2\n3\n" + Pager.PROMPT + ERASE, shown);
    pager.start();
    assertFalse(pager.quit(), "a new result pages from the start");
    out.println("next");
    out.flush();
    assertTrue(screenText.toString().endsWith(ERASE + "next\n"));
  }

  @Test
  void ctrlCAndTheEndOfInputQuitToo() {
    print(List.of("1", "2", "3", "4"), 3);
    assertTrue(pager.quit());
    print(List.of("1", "2", "3", "4"));
    assertTrue(pager.quit());
  }

  @Test
  void aLineWiderThanTheScreenTakesTheRowsItWrapsTo() {
    // 12 columns wrap to two rows; 5 CJK characters are 10 columns, one row.
    String shown = print(List.of("abcdefghijkl", "中文中文中", "x", "y"), (int) ' ');
    assertEquals("abcdefghijkl\n中文中文中\n" + Pager.PROMPT + ERASE + "x\ny\n", shown);
  }

  @Test
  void outputBetweenResultsIsNotPaged() {
    for (int i = 0; i < 10; i++) {
      out.println(i); // a watched change, a banner: never held for a key
    }
    out.flush();
    assertEquals(0, prompts);
  }
}
