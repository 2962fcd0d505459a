package dev.weir.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's standard streams and whether they are a terminal, passed in so tests run the
 * whole command in-process with their own streams.
 */
record Io(InputStream in, PrintStream out, PrintStream err, boolean terminal) {

  static Io system() {
    // Java's console exists only when both standard input and output are a terminal.
    return new Io(System.in, System.out, System.err, System.console() != null);
  }
}
