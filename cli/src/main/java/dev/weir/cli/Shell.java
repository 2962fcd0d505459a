package dev.weir.cli;

import dev.weir.engine.NotFoundException;
import dev.weir.engine.WeirException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * Reads commands, runs them and prints their results, in one of two modes.
 *
 * <p><b>Interactive</b> (a terminal): a banner, a prompt, and an error never ends the session.
 * <b>Script</b> (standard input is a file or pipe): results only, no banner or prompt; the
 * first error ends the run with exit code 1, or with {@code --keep-going} every line runs and
 * the exit code is 1 if any failed (like {@code make -k}). Errors go to the error stream as one
 * line, {@code error: ...}, with the line number in script mode.
 *
 * <p>The shell owns the session's snapshot and batch but not the store: whoever opened the
 * store closes it.
 */
final class Shell {

  static final int OK = 0;
  static final int FAILED = 1;

  private final Session session;
  private final CommandTable commands;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Paging paging;

  Shell(Session session, CommandTable commands, PrintWriter out, PrintWriter err) {
    this(session, commands, out, err, Paging.NONE);
  }

  /** {@code paging}: how {@code out} stops after a screenful of a result, if it does. */
  Shell(Session session, CommandTable commands, PrintWriter out, PrintWriter err,
      Paging paging) {
    this.session = session;
    this.commands = commands;
    this.out = out;
    this.err = err;
    this.paging = paging;
    session.printer(this::print); // watch prints each change as it arrives, never paged
  }

  /**
   * Runs lines until the end of input or {@code .exit}; returns the exit code. A line starting
   * a PartiQL statement gathers the lines after it until one ends with {@code ;} (the prompt
   * says it waits), and the statement runs as one; an error names the line it started on.
   */
  int run(LineSource lines, boolean interactive, boolean keepGoing) {
    session.interactive(interactive);
    if (interactive) {
      out.println(banner());
      out.flush();
    }
    int lineNumber = 0;
    boolean failed = false;
    StringBuilder statement = null; // a PartiQL statement waiting for its ';'
    int statementLine = 0;
    while (!session.exitRequested()) {
      String line = lines.next(statement == null ? session.prompt() : session.continuation());
      if (line == null) {
        if (statement == null) {
          break;
        }
        line = ";"; // the input ended the statement: run it as its ';' would have
      } else {
        lineNumber++;
      }
      if (statement == null && Statements.starts(line)) {
        statement = new StringBuilder();
        statementLine = lineNumber;
      }
      if (statement != null) {
        statement.append(statement.length() == 0 ? "" : "\n").append(line);
        if (!Statements.complete(statement)) {
          continue;
        }
        line = statement.toString();
        statement = null;
      }
      int at = Statements.starts(line) ? statementLine : lineNumber;
      if (!runLine(line, interactive ? "" : "line " + at + ": ")) {
        failed = true;
        if (!interactive && !keepGoing) {
          break;
        }
      }
    }
    failed |= finish(interactive);
    out.flush();
    return interactive || !failed ? OK : FAILED;
  }

  /**
   * Runs one line, printing its result or a one-line error prefixed with {@code where};
   * returns whether it succeeded.
   */
  boolean runLine(String line, String where) {
    try {
      Result result = execute(line);
      paging.start();
      try {
        printResult(result);
      } finally {
        paging.stop();
      }
      return true;
    } catch (RuntimeException e) {
      report(where + describe(e));
      return false;
    }
  }

  /** Runs one line and returns what it produced; throws what went wrong. */
  Result execute(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return Result.NONE;
    }
    if (Statements.starts(trimmed)) {
      return Statements.run(session, trimmed);
    }
    List<Token> tokens = Tokenizer.split(trimmed);
    Command command = commands.find(tokens.get(0).text());
    Args args = new Args(tokens.subList(1, tokens.size()));
    if (args.size() < command.minArgs() || args.size() > command.maxArgs()) {
      throw new ShellException("usage: " + command.usage());
    }
    if (!session.inBatch()) {
      return command.run().run(session, args);
    }
    if (command.inBatch() == null) {
      throw new ShellException(
          command.name() + " cannot run inside a batch: end or abort the batch first");
    }
    return command.inBatch().run(session, args);
  }

  String banner() {
    if (session.remote() != null) {
      return "Weir " + Version.get() + " shell: connected to store " + session.storeName()
          + " on " + session.remote() + " (through the event bus"
          + (session.hasObjects() ? "" : "; key-value only: it is served without objects") + ")"
          + "\nType help for commands, exit or Ctrl-D to leave.";
    }
    // A local store is either in memory or durable (a directory or a file:// DSN).
    return "Weir " + Version.get() + " shell: store " + session.storeName()
        + (session.storeName().equals(ShellCommand.MEMORY)
                || session.storeName().startsWith("mem://")
            ? " (in memory: its data is lost on exit)" : " (durable: kept on disk across exits)")
        + "\nType help for commands, exit or Ctrl-D to leave.";
  }

  /** A command's result, a page at a time on a terminal; entries as the store streams them. */
  private void printResult(Result result) {
    Formatter formatter = session.format().formatter();
    if (result instanceof Result.Entries e) {
      Formatter.Entries printer = formatter.entries(out, paging.group());
      printEach(e.entries(), printer::entry, printer::end);
    } else if (result instanceof Result.Items i) {
      Formatter.Items printer = formatter.items(out, paging.group());
      printEach(i.items(), printer::item, printer::end);
    } else {
      print(result);
    }
  }

  /**
   * Bounded demand: the store is asked for a few elements at a time as they print, so a reader
   * at the pager's prompt holds back the scan, and q cancels what is left of it.
   */
  private <T> void printEach(Flux<T> elements, Consumer<T> print, Consumer<Boolean> end) {
    boolean stopped = Await.eachWhile(elements, element -> {
      print.accept(element);
      return !paging.quit();
    }, session.interrupts());
    end.accept(stopped);
    out.flush();
  }

  void print(Result result) {
    if (result instanceof Result.Done d && d.silent()) {
      return;
    }
    if (result instanceof Result.Text t) {
      out.print(t.text());
    } else {
      session.format().formatter().print(result, out);
    }
    out.flush();
  }

  /** Ends the session: an unfinished batch is an error, an open snapshot is released. */
  private boolean finish(boolean interactive) {
    boolean failed = false;
    if (session.inBatch()) {
      int size = session.batchSize();
      session.discardBatch();
      report("input ended inside a batch: " + size + " queued operation"
          + (size == 1 ? "" : "s") + " not applied");
      failed = true;
    }
    if (session.snapshot() != null) {
      try {
        Await.value(session.snapshot().close());
      } catch (RuntimeException e) {
        report(describe(e));
        failed = true;
      }
      session.snapshot(null);
    }
    return failed && !interactive;
  }

  private void report(String message) {
    out.flush(); // keep results and errors in order when both reach one terminal or file
    err.println("error: " + message);
    err.flush();
  }

  /** One line for any failure: the store's typed errors name their kind. */
  static String describe(Throwable thrown) {
    Throwable e = Exceptions.unwrap(thrown);
    if (e instanceof ShellException || e instanceof CommandFailure) {
      return e.getMessage();
    }
    if (e instanceof WeirException w) {
      // A missing bucket and a missing object read alike otherwise: name the kind.
      String kind = e instanceof NotFoundException n
          && n.kind() != NotFoundException.Kind.UNSPECIFIED
              ? " (" + n.kind().name().toLowerCase(Locale.ROOT) + ")" : "";
      return w.errorCode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + kind + ": "
          + w.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
