package dev.weir.cli;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir shell [STORE]}: opens a store and runs the {@link Shell} on it, interactive on a
 * terminal, as a script otherwise. Only {@code :memory:} exists today; {@code --connect} (a
 * store served on the event bus) will be a second way to get a {@link ReactiveStore} in {@link
 * #openStore()}, and nothing else here changes.
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

  private final Io io;
  private final Supplier<ReactiveStore> memoryStore;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STORE",
      defaultValue = MEMORY,
      description = "The store to open; :memory: (the default) is a new in-memory store.")
  String store;

  @Option(
      names = "--keep-going",
      description = "In a script, run every line even after an error (exit code 1 if any failed).")
  boolean keepGoing;

  ShellCommand(Io io, Supplier<ReactiveStore> memoryStore) {
    this.io = io;
    this.memoryStore = memoryStore;
  }

  @Override
  public Integer call() throws IOException {
    ReactiveStore opened = openStore();
    try {
      Session session = new Session(opened, store);
      CommandTable commands = CommandTable.standard();
      if (io.terminal()) {
        try (TerminalLines lines = TerminalLines.open(commands)) {
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

  private ReactiveStore openStore() {
    if (!MEMORY.equals(store)) {
      throw new ParameterException(spec.commandLine(),
          "unknown store '" + store + "': only " + MEMORY + " is available (on-disk stores and"
              + " --connect are not implemented yet)");
    }
    return memoryStore.get();
  }

  private static PrintWriter writer(Io io, boolean error) {
    // UTF-8 whatever the platform default: keys and values are UTF-8 text.
    return new PrintWriter(
        new OutputStreamWriter(error ? io.err() : io.out(), StandardCharsets.UTF_8), false);
  }

  static Supplier<ReactiveStore> defaultStore() {
    return Weir::inMemory;
  }
}
