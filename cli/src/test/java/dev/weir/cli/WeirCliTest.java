package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.engine.Bytes;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.publisher.Mono;

/** The picocli layer: subcommands, help, version, refused arguments. */
class WeirCliTest {

  private static Run weir(String... args) {
    return ShellDriver.command(Weir::open, "", args);
  }

  @Test
  void withoutACommandItShowsUsage() {
    Run run = weir();
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("shell"), run.out());
  }

  @Test
  void shellHelp() {
    Run run = weir("shell", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--keep-going", "STORE", "--sync", "--salvage"}) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
  }

  @Test
  void version() {
    Run run = weir("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().matches("weir \\d+\\.\\d+\\.\\d+.*\n"), run.out());
  }

  @Test
  void anUnknownSchemeIsAUsageError() {
    Run run = weir("shell", "redis://localhost/0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: cannot open store 'redis://localhost/0': invalid"
        + " argument: unknown scheme 'redis'"), run.err());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, weir("shell", "--frobnicate").exitCode());
    assertEquals(2, weir("frobnicate").exitCode());
  }

  /** The message, picocli's suggestion for a near miss, and where the help is: not the usage. */
  @Test
  void usageErrorsAreShortAndSuggest() {
    assertEquals(new Run(2, "", "error: Unknown option: '--frobnicate'\n"
        + "Try 'weir shell --help' for usage.\n"), weir("shell", "--frobnicate"));
    assertEquals(new Run(2, "", "error: Unmatched argument at index 0: 'shel'\n"
        + "Did you mean: weir shell?\n"
        + "Try 'weir --help' for usage.\n"), weir("shel"));
  }

  /**
   * Each description paragraph is whole: picocli breaks a line between array elements, so an
   * element ending mid-sentence cut the help there ("... or read them from standard").
   */
  @Test
  void helpParagraphsAreWholeSentences() {
    CommandLine weir = WeirCli.commandLine(
        new Io(InputStream.nullInputStream(), System.out, System.err, false), Weir::open);
    List<CommandLine> commands = new ArrayList<>(weir.getSubcommands().values());
    commands.add(weir);
    for (CommandLine command : commands) {
      CommandSpec spec = command.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      spec.args().forEach(arg -> texts.addAll(List.of(arg.description())));
      for (String text : texts) {
        assertTrue(text.endsWith(".") || text.endsWith(")"),
            spec.qualifiedName() + ": \"" + text + "\" ends mid-sentence");
      }
    }
  }

  @Test
  void theCommandListShowsEachSummaryWhole() {
    String help = weir("--help").out();
    String commands = help.substring(help.indexOf("Commands:"));
    // An entry runs to the next line that starts with a command's name.
    for (String entry : commands.split("\n(?=  \\S)")) {
      if (!entry.startsWith("Commands:")) {
        assertTrue(entry.strip().endsWith("."), entry);
      }
    }
  }

  @Test
  void theStoreIsClosedWhenTheShellEnds() {
    WeirStore store = Await.value(Weir.open(ShellCommand.MEMORY_DSN));
    assertEquals(0,
        ShellDriver.command(dsn -> Mono.just(store), "put a 1\n", "shell").exitCode());
    Throwable e = assertThrows(
        RuntimeException.class, () -> Await.value(store.kv().get(Bytes.utf8("a"))));
    assertTrue(Shell.describe(e).startsWith("store closed"), Shell.describe(e));
  }

  @Test
  void benchOnTheJarSaysToUseTheLauncher() {
    Run run = weir("bench", "--quick");
    assertEquals(2, run.exitCode());
    assertEquals("weir bench runs through the launcher at the repository root:"
        + " ./weir bench [--quick]\n", run.err());
  }

  @Test
  void benchHelpSaysWhatItDoes() {
    Run run = weir("bench", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("benchmarks side by side"), run.out());
    assertTrue(run.out().contains("./weir bench [--quick]"), run.out());
    assertTrue(weir().out().contains("bench"));
  }

  @Test
  void aBadDsnIsOneLineWithTheUsageErrorsCode() {
    Run run = weir("shell", "mem://x?nonsense=1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: cannot open store 'mem://x?nonsense=1': "),
        run.err());
    assertEquals(1, run.err().lines().count(), "one line, not the usage: " + run.err());
    assertEquals("", run.out());
  }

  /** Hazelcast would log ~80 lines of stack traces on the way to the same failure. */
  @Test
  void aServePortInUseIsOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run run = weir("serve", "--cluster", "--host", "127.0.0.1", "--port", "" + port);
      assertEquals(Server.FAILED, run.exitCode());
      assertTrue(run.err().matches("error: cannot serve weir: cannot bind 127\\.0\\.0\\.1:"
          + port + " \\([^\n]+\\); is another weir serve running there\\? Choose another"
          + " --port\n"), run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void serveHelpAndUsage() {
    Run run = weir("serve", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--name", "--cluster", "--host", "--port", "--members",
        "--max-memory", "--cluster-name", "--dir", "--sync", "--salvage"}) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
    assertTrue(weir().out().contains("serve"));
  }

  /** Refused before any node starts: each is a usage error, exit code 2, one message. */
  @Test
  void badServeOptionsAreUsageErrors() {
    assertUsage("--port needs --cluster", "serve", "--port", "6000");
    assertUsage("bad member 'nowhere' (use host:port)",
        "serve", "--cluster", "--members", "nowhere");
    assertUsage("--max-memory must be a size such as 65536, 512KiB, 64MiB or 1GiB, was '12x'",
        "serve", "--max-memory", "12x");
  }

  @Test
  void badConnectOptionsAreUsageErrors() {
    assertUsage("--members needs --connect", "shell", "--members", "127.0.0.1:5701");
    assertUsage("give a STORE or --connect NAME, not both",
        "shell", "--connect", "users", ":memory:");
    assertUsage("bad member '127.0.0.1:0' (use host:port)",
        "shell", "--connect", "users", "--members", "127.0.0.1:0");
  }

  private static void assertUsage(String message, String... args) {
    Run run = weir(args);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: " + message + "\n"), run.err());
  }

  @Test
  void aConnectedShellsBannerSaysWhereTheStoreIs() {
    ReactiveStore store = Weir.inMemory();
    try {
      Session session =
          new Session(store, ObjectStore.over(store), "users", "the cluster weir");
      PrintWriter out = new PrintWriter(new StringWriter());
      String banner = new Shell(session, CommandTable.standard(), out, out).banner();
      assertTrue(banner.startsWith("Weir " + Version.get() + " shell: connected to store users"
          + " on the cluster weir (through the event bus)\n"), banner);
    } finally {
      Await.value(store.close());
    }
  }

  @Test
  void aStoreServedWithoutObjectsSaysSoInItsBannerAndObjectCommands() {
    ReactiveStore store = Weir.inMemory();
    try {
      Session session = new Session(store, null, "users", "the cluster weir");
      StringWriter err = new StringWriter();
      PrintWriter out = new PrintWriter(new StringWriter());
      Shell shell = new Shell(session, CommandTable.standard(), out, new PrintWriter(err));
      assertTrue(shell.banner().startsWith("Weir " + Version.get() + " shell: connected to store"
          + " users on the cluster weir (through the event bus; key-value only: it is served"
          + " without objects)\n"), shell.banner());
      assertFalse(shell.runLine("ls", ""));
      assertEquals("error: store users on the cluster weir has no objects (it is served without"
          + " them); key-value commands work\n", err.toString());
      assertTrue(shell.runLine("put a 1", ""));
    } finally {
      Await.value(store.close());
    }
  }
}
