package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** watch (replayed in a script, live on a terminal until Ctrl-C) and history. */
class ChangeCommandsTest {

  private final ShellDriver.Lines shell = new ShellDriver.Lines();

  @AfterEach
  void close() {
    shell.close();
  }

  /** Sequence 1 made the default bucket; these are 2 to 6. */
  private void writeSome() {
    shell.run("put u:1 a");
    shell.run("put v:1 b");
    shell.run("put u:2 c");
    shell.run("del u:1");
    shell.run("delprefix u:");
  }

  @Test
  void replayWithALimit() {
    writeSome();
    assertEquals("[2] put u:1 = a\n[4] put u:2 = c\n2 changes\n", shell.run("watch u: 1 2"));
    assertEquals("[5] delete u:1\n[6] range-delete [u:, u;)\n2 changes\n",
        shell.run("watch u: 5"));
    assertEquals("[3] put v:1 = b\n1 change\n", shell.run("watch v: 3 10"));
  }

  @Test
  void replayEndsAtTheLastCommitAndNeverShowsObjectKeys() {
    shell.run("put k 1");
    shell.run("upload " + TestFiles.text("x.txt", "hello") + " default/x.txt");
    assertEquals("[2] put k = 1\n1 change\n", shell.run("watch \"\" 1"));
    assertEquals("0 changes\n", shell.run("watch k 99"));
  }

  @Test
  void replayInEveryFormat() {
    writeSome();
    shell.run(".format compact");
    assertEquals("2 put u:1=a\n4 put u:2=c\n5 delete u:1\n6 range-delete u: u;\n4 changes\n",
        shell.run("watch u: 2"));
    shell.run(".format json");
    assertEquals("{\"seq\":5,\"type\":\"delete\",\"key\":\"u:1\"}\n"
        + "{\"seq\":6,\"type\":\"range-delete\",\"key\":\"u:\",\"end\":\"u;\"}\n"
        + "{\"ok\":true,\"message\":\"2 changes\"}\n", shell.run("watch u: 5"));
  }

  /** A log record (written by the tables layer, say) is shown with its value, as a put is. */
  @Test
  void aLogRecordIsShownWithItsValueInEveryFormat() {
    shell.store.write(WriteBatch.builder().put(b("u:1"), b("a")).log(b("u:log"), b("img")).build())
        .block();
    assertEquals("[2] put u:1 = a\n[3] log u:log = img\n2 changes\n",
        shell.run("watch u: 2"));
    assertEquals("(nil)\n", shell.run("get u:log"));
    shell.run(".format compact");
    assertEquals("3 log u:log=img\n1 change\n", shell.run("watch u: 3"));
    shell.run(".format json");
    assertEquals("{\"seq\":3,\"type\":\"log\",\"key\":\"u:log\",\"value\":\"img\"}\n"
        + "{\"ok\":true,\"message\":\"1 change\"}\n", shell.run("watch u: 3"));
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void aScriptWatchNeedsAFromSequence() {
    assertTrue(shell.run("watch u:").startsWith("error: in a script, watch needs a fromSequence"));
    assertTrue(shell.run("watch u: - 3").startsWith("error: in a script, watch needs"));
  }

  @Test
  void badSequencesAndLimits() {
    assertEquals("error: bad fromSequence '0': must be at least 1\n", shell.run("watch u: 0"));
    assertEquals("error: bad limit '0': must be at least 1\n", shell.run("watch u: 1 0"));
    assertEquals("error: bad fromSequence 'x': expected a whole number\n",
        shell.run("watch u: x"));
  }

  @Test
  void aLiveWatchPrintsCommitsUntilItsLimit() throws Exception {
    shell.session.interactive(true);
    shell.run("put a 1");
    CompletableFuture<String> watching =
        CompletableFuture.supplyAsync(() -> shell.run("watch a 2 2"));
    // The replay of sequence 2 arrives at once; the second change is one not yet made.
    Await.value(shell.store.put(Bytes.utf8("a"), Bytes.utf8("2")));
    assertEquals("watching \"a\" from sequence 2, at most 2 changes (Ctrl-C to stop)...\n"
        + "[2] put a = 1\n[3] put a = 2\n2 changes\n", watching.get(30, TimeUnit.SECONDS));
  }

  @Test
  void ctrlCEndsALiveWatchAndTheShellGoesOn() throws Exception {
    shell.session.interactive(true);
    AtomicReference<Runnable> ctrlC = new AtomicReference<>();
    CountDownLatch armed = new CountDownLatch(1);
    shell.session.interrupts(stop -> {
      ctrlC.set(stop);
      armed.countDown();
      return () -> ctrlC.set(null);
    });
    CompletableFuture<String> watching = CompletableFuture.supplyAsync(() -> shell.run("watch a"));
    assertTrue(armed.await(30, TimeUnit.SECONDS));
    ctrlC.get().run();
    assertEquals("watching \"a\" (Ctrl-C to stop)...\nwatch stopped: 0 changes\n",
        watching.get(30, TimeUnit.SECONDS));
    assertEquals(null, ctrlC.get(), "the handler is removed when the watch ends");
    assertEquals("OK\n", shell.run("put a 1"));
  }

  @Test
  void historyShowsRetainedVersionsNewestFirst() {
    shell.run("put k v1");
    shell.run("put k v2");
    shell.run("del k");
    shell.run("put k v3");
    assertEquals(String.join("\n",
        "+-----+-----------+",
        "| seq | value     |",
        "+-----+-----------+",
        "|   5 | v3        |",
        "|   4 | <deleted> |",
        "|   3 | v2        |",
        "+-----+-----------+",
        "3 versions", ""), shell.run("history k"));
    shell.run(".format json");
    assertEquals("[{\"seq\":5,\"value\":\"v3\"},{\"seq\":4,\"value\":null},"
        + "{\"seq\":3,\"value\":\"v2\"}]\n", shell.run("history k"));
    assertEquals("[]\n", shell.run("history nothing"));
  }

  @Test
  void watchReplayInAScriptThroughTheCommandLine() {
    Run run = ShellDriver.script("put a 1\nput b 2\nput a 3\nwatch a 1 5\n");
    assertEquals(new Run(0, "OK\nOK\nOK\n[2] put a = 1\n[4] put a = 3\n2 changes\n", ""), run);
  }
}
