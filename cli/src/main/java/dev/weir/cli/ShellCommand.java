package dev.weir.cli;

import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

/**
 * {@code weir shell [STORE]}: opens a store and runs the {@link Shell} on it, interactive on a
 * terminal, as a script otherwise. The store is opened from a DSN ({@link Weir#open}) so its
 * key-value and object views share one LSM; {@code :memory:} is {@value #MEMORY_DSN}.
 * {@code --connect} (a store served on the event bus) will be a second way to get a {@link
 * WeirStore} in {@link #openStore()}, and nothing else here changes.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Run commands against a store: interactively on a terminal, or read them from standard",
      "input (weir shell < script.txt), printing results only."
    })
final class ShellCommand implements Callable<Integer> {

  static final String MEMORY = ":memory:";

  /** What {@code :memory:} opens: a fresh in-memory store with one bucket, {@code default}. */
  static final String MEMORY_DSN = "mem://memory?bucket=default";

  private final Io io;
  private final Function<String, Mono<WeirStore>> opener;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STORE",
      defaultValue = MEMORY,
      description = {
        "The store to open: :memory: (the default) is a new in-memory store with a bucket",
        "named default; or a DSN such as mem://name?bucket=photos (see reactive-api/OBJECTS.md)."
      })
  String store;

  @Option(
      names = "--keep-going",
      description = "In a script, run every line even after an error (exit code 1 if any failed).")
  boolean keepGoing;

  ShellCommand(Io io, Function<String, Mono<WeirStore>> opener) {
    this.io = io;
    this.opener = opener;
  }

  @Override
  public Integer call() throws IOException {
    WeirStore opened = openStore();
    try {
      Session session = new Session(opened.kv(), opened.objects(), store);
      CommandTable commands = CommandTable.standard();
      if (io.terminal()) {
        try (TerminalLines lines = TerminalLines.open(commands)) {
          session.interrupts(lines);
          PrintWriter out = lines.writer();
          return new Shell(session, commands, out, out).run(lines, true, keepGoing);
        }
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
      PrintWriter out = writer(io, false);
      PrintWriter err = writer(io, true);
      return new Shell(session, commands, out, err).run(LineSource.of(in), false, keepGoing);
    } finally {
      Await.value(opened.close());
    }
  }

  private WeirStore openStore() {
    if (!MEMORY.equals(store) && !store.startsWith("mem://")) {
      throw new ParameterException(spec.commandLine(),
          "unknown store '" + store + "': only " + MEMORY + " and mem:// DSNs are available"
              + " (on-disk stores and --connect are not implemented yet)");
    }
    try {
      return Await.value(opener.apply(MEMORY.equals(store) ? MEMORY_DSN : store));
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(),
          "cannot open store '" + store + "': " + Shell.describe(e));
    }
  }

  private static PrintWriter writer(Io io, boolean error) {
    // UTF-8 whatever the platform default: keys and values are UTF-8 text.
    return new PrintWriter(
        new OutputStreamWriter(error ? io.err() : io.out(), StandardCharsets.UTF_8), false);
  }

  static Function<String, Mono<WeirStore>> defaultOpener() {
    return Weir::open;
  }
}
