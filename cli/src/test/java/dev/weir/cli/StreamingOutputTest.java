package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Entries print as the store streams them: in a script everything, with nothing held whole;
 * on a terminal a screenful at a time, and {@code q} at the pager's prompt cancels the rest.
 */
class StreamingOutputTest {

  private final ReactiveStore store = Weir.inMemory();
  private final Session session = new Session(store, null, ShellCommand.MEMORY);
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicLong emitted = new AtomicLong();

  @AfterEach
  void close() {
    Await.value(store.close());
  }

  private Flux<Entry> entries(int count) {
    return Flux.range(0, count)
        .map(n -> new Entry(Bytes.utf8(String.format("k%06d", n)), Bytes.utf8("v"), 1))
        .doOnNext(e -> emitted.incrementAndGet());
  }

  /** A shell with a command {@code listing} that prints {@code listing}. */
  private Shell shell(Flux<Entry> listing, Paging paging) {
    CommandTable commands = CommandTable.standard()
        .add(Command.of("listing", "generated entries", 0, 0,
            (s, a) -> new Result.Entries(listing)));
    PrintWriter printed = new PrintWriter(paging instanceof Pager pager ? pager : out);
    return new Shell(session, commands, printed, new PrintWriter(err), paging);
  }

  @Test
  void whatArrivedPrintsBeforeAFailureEndsTheListing() {
    Shell shell = shell(Flux.concat(entries(2),
        Flux.error(new ShellException("the store failed mid-scan"))), Paging.NONE);
    assertTrue(shell.runLine(".format compact", ""));
    assertFalse(shell.runLine("listing", ""));
    assertEquals("format compact\nk000000=v\nk000001=v\n", out.toString());
    assertEquals("error: the store failed mid-scan\n", err.toString());
  }

  @Test
  void aTableInAScriptAlignsItsRowsAThousandAtATime() {
    Shell shell = shell(entries(Paging.SCRIPT_GROUP + 1).concatWith(
        Flux.just(new Entry(Bytes.utf8("longer-key"), Bytes.utf8("v"), 1))), Paging.NONE);
    assertTrue(shell.runLine("listing", ""));
    String[] lines = out.toString().split("\n");
    assertEquals("+---------+-------+", lines[0]);
    assertEquals("| k000000 | v     |", lines[3]);
    // The second group is wider: a rule of the new width, then its rows.
    assertEquals("+------------+-------+", lines[3 + Paging.SCRIPT_GROUP]);
    assertEquals("| k001000    | v     |", lines[4 + Paging.SCRIPT_GROUP]);
    assertEquals("| longer-key | v     |", lines[5 + Paging.SCRIPT_GROUP]);
    assertEquals("+------------+-------+", lines[6 + Paging.SCRIPT_GROUP]);
    assertEquals("1002 entries", lines[7 + Paging.SCRIPT_GROUP]);
  }

  @Test
  void qAtThePromptCancelsTheScanAfterAFewEntries() {
    Pager pager = new Pager(out, screen(10, 'q'));
    Shell shell = shell(entries(1_000_000), pager);
    assertTrue(shell.runLine("listing", ""));
    assertEquals(String.join("\n",
        "+---------+-------+",
        "| key     | value |",
        "+---------+-------+",
        "| k000000 | v     |",
        "| k000001 | v     |",
        "| k000002 | v     |",
        "| k000003 | v     |",
        "| k000004 | v     |",
        "| k000005 | v     |",
        Pager.PROMPT + "\r" + " ".repeat(Pager.PROMPT.length()) + "\r"), out.toString());
    // Of a million entries, what was asked for: a screenful and the subscriber's few in hand.
    assertTrue(emitted.get() < 100, emitted + " entries read");
  }

  @Test
  void spaceAtEachPromptShowsTheWholeScan() {
    for (int i = 0; i < 30; i++) {
      Await.value(store.put(Bytes.utf8(String.format("key%02d", i)), Bytes.utf8("v" + i)));
    }
    Shell shell = shell(Flux.empty(), new Pager(out, screen(10, ' ')));
    assertTrue(shell.runLine("scan key", ""));
    String shown = out.toString().replace(Pager.PROMPT + "\r"
        + " ".repeat(Pager.PROMPT.length()) + "\r", "");
    assertTrue(shown.contains("| key00 | v0    |\n"), shown);
    assertTrue(shown.endsWith("| key29 | v29   |\n+-------+-------+\n30 entries\n"), shown);
  }

  private static Pager.Screen screen(int rows, int key) {
    return new Pager.Screen() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int columns() {
        return 80;
      }

      @Override
      public int readKey() {
        return key;
      }
    };
  }
}
