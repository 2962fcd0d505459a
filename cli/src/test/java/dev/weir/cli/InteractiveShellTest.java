package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interactive mode without a terminal: banner, prompts, errors that do not end it. */
class InteractiveShellTest {

  private final List<String> prompts = new ArrayList<>();
  private final StringWriter out = new StringWriter();

  private int run(String... lines) {
    Deque<String> queue = new ArrayDeque<>(List.of(lines));
    WeirStore store = Await.value(Weir.open(ShellCommand.MEMORY_DSN));
    Session session = new Session(store.kv(), store.objects(), ShellCommand.MEMORY);
    PrintWriter writer = new PrintWriter(out);
    try {
      return new Shell(session, CommandTable.standard(), writer, writer)
          .run(prompt -> {
            prompts.add(prompt);
            return queue.poll();
          }, true, false);
    } finally {
      Await.value(session.store().close());
    }
  }

  @Test
  void bannerNamesTheStoreAndWarnsThatMemoryIsLost() {
    run();
    String banner = out.toString().lines().findFirst().orElseThrow();
    assertTrue(banner.startsWith("Weir "), banner);
    assertTrue(banner.endsWith("shell: store :memory: (in memory: its data is lost on exit)"),
        banner);
  }

  @Test
  void errorsDoNotEndTheSessionNorTheExitCode() {
    assertEquals(0, run("bogus", "put a 1", "get a", "batch"));
    String text = out.toString();
    assertTrue(text.contains("error: unknown command 'bogus' (try help)\nOK\n1\n"), text);
    assertTrue(text.endsWith("error: input ended inside a batch: 0 queued operations"
        + " not applied\n"), text);
  }

  /** Until a change commits a watch shows nothing: it says what it is waiting for. */
  @Test
  void watchSaysWhatItIsWaitingFor() {
    run("put user:1 ada", "watch user: 2 1");
    String text = out.toString();
    assertTrue(text.contains("OK\nwatching \"user:\" from sequence 2, at most 1 change"
        + " (Ctrl-C to stop)...\n[2] put user:1 = ada\n1 change\n"), text);
    assertEquals("watching every key (Ctrl-C to stop)...\n",
        ChangeCommands.waiting(Bytes.EMPTY, -1, Long.MAX_VALUE));
    assertEquals("watching 0x00ff (Ctrl-C to stop)...\n",
        ChangeCommands.waiting(Bytes.fromHex("00ff"), -1, Long.MAX_VALUE));
  }

  @Test
  void promptsShowAnOpenBatchOrSnapshot() {
    run("batch", "put a 1", "end", "snapshot", "release", ".exit", "never read");
    assertEquals(List.of("weir> ", "weir[batch 0]> ", "weir[batch 1]> ", "weir> ",
        "weir[snapshot]> ", "weir> "), prompts);
  }
}
