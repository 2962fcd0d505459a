package dev.weir.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines typed at a terminal, through JLine: editing, history kept in {@code ~/.weir_history},
 * and tab completion from the command table. Ctrl-C clears the line; Ctrl-D ends input. While a
 * command runs, Ctrl-C is the terminal's INT signal: it stops that command (see {@link
 * #onInterrupt}) instead of the process.
 */
final class TerminalLines implements LineSource, Interrupts, Pager.Screen {

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLines(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  static TerminalLines open(CommandTable commands, Session session) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).name("weir").build();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("weir")
        .completer(new CommandCompleter(commands, session))
        .variable(LineReader.HISTORY_FILE,
            Path.of(System.getProperty("user.home"), ".weir_history"))
        // "!" and "\" are ordinary characters in keys and values, not history expansion.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    return new TerminalLines(terminal, reader);
  }

  /**
   * Where results go: through the terminal, so they interleave correctly with the editor, a
   * screenful at a time.
   */
  Pager pager() {
    return new Pager(terminal.writer(), this);
  }

  @Override
  public int rows() {
    return terminal.getHeight();
  }

  @Override
  public int columns() {
    return terminal.getWidth();
  }

  /** Raw mode for one key: no echo, no enter needed, Ctrl-C a key rather than a signal. */
  @Override
  public int readKey() {
    Attributes saved = terminal.enterRawMode();
    try {
      return terminal.reader().read();
    } catch (IOException e) {
      return -1;
    } finally {
      terminal.setAttributes(saved);
    }
  }

  @Override
  public String next(String prompt) {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException e) {
        // Ctrl-C abandons the line being typed, as in other shells; the session goes on.
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  /**
   * Between prompts JLine leaves the terminal in its normal mode, so Ctrl-C raises INT; the
   * handler is swapped in for the running command only and the previous one put back after.
   */
  @Override
  public Registration onInterrupt(Runnable stop) {
    SignalHandler previous = terminal.handle(Signal.INT, signal -> stop.run());
    return () -> terminal.handle(Signal.INT, previous);
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // Losing the history file or a terminal reset at exit is not worth failing over.
    }
  }
}
