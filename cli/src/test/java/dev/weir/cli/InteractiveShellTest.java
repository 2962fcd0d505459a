package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertTrue(text.contains("error: unknown command 'bogus' (try .help)\nOK\n1\n"), text);
    assertTrue(text.endsWith("error: input ended inside a batch: 0 queued operations"
        + " not applied\n"), text);
  }

  @Test
  void promptsShowAnOpenBatchOrSnapshot() {
    run("batch", "put a 1", "end", "snapshot", "release", ".exit", "never read");
    assertEquals(List.of("weir> ", "weir[batch 0]> ", "weir[batch 1]> ", "weir> ",
        "weir[snapshot]> ", "weir> "), prompts);
  }
}
