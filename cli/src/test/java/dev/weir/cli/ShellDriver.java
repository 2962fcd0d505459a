package dev.weir.cli;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs the shell in-process for tests: whole scripts through the real command line ({@link
 * #script}), or line by line on one session ({@link #session()}) when a test must act between
 * lines, such as moving the store's clock.
 */
final class ShellDriver {

  /** What a run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private ShellDriver() {}

  /** {@code weir shell <args>} with {@code script} on standard input, not a terminal. */
  static Run script(String script, String... args) {
    return command(Weir::open, script, prepend("shell", args));
  }

  /** {@code weir <args>}: the whole command line, as the jar's main class runs it. */
  static Run command(Function<String, Mono<WeirStore>> opener, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
    int code = WeirCli.execute(args, io, opener);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String[] prepend(String first, String... rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  /**
   * One shell on one store, driven a line at a time; the store's clock is {@link #clock}. It
   * keeps three versions of each key, so {@code history} has something to show, and has a
   * bucket named {@code default}, as {@code :memory:} has.
   */
  static final class Lines implements AutoCloseable {
    final AtomicLong clock = new AtomicLong(1_000_000);
    final ReactiveStore store = Weir.inMemory(
        EngineConfig.defaults().toBuilder().clock(clock::get).versionsToKeep(3).build());
    final ObjectStore objects =
        ObjectStore.over(store, ObjectConfig.defaults().withClock(clock::get));
    final Session session = new Session(store, objects, ShellCommand.MEMORY);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Shell shell = new Shell(
        session, CommandTable.standard(), new PrintWriter(out), new PrintWriter(err));

    Lines() {
      Await.value(objects.createBucket("default"));
    }

    /** Runs {@code line}; returns what it printed, or its error line. */
    String run(String line) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      boolean ok = shell.runLine(line, "");
      return ok ? out.toString() : err.toString();
    }

    @Override
    public void close() {
      Await.value(store.close());
    }
  }
}
