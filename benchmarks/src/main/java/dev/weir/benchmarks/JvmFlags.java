package dev.weir.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The flags a benchmark JVM runs with, as that JVM reports them: each benchmark's setup prints
 * them and {@link Compare} reads them back from the output, so the flags a comparison prints
 * are the ones its forks (or its own JVM, for the runs in it) used, not the ones it meant to
 * pass (JMH appends a class's {@code @Fork} flags to those it is given, for one).
 */
final class JvmFlags {

  static final String MARKER = "weir-bench JVM flags:";

  private JvmFlags() {}

  /** Prints this JVM's flags on one line for {@link #parse}. */
  static void report() {
    System.out.println(MARKER + " "
        + shown(ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  /**
   * The flags worth showing: all but JMH's own compile-command file, a temporary path that
   * differs in every fork and only keeps its blackholes from being inlined away.
   */
  static String shown(List<String> arguments) {
    String flags = arguments.stream()
        .filter(a -> !a.startsWith("-XX:CompileCommandFile="))
        .collect(Collectors.joining(" "));
    return flags.isEmpty() ? "(none)" : flags;
  }

  /** The flags a {@link #report} line holds, or null for any other line. */
  static String parse(String line) {
    int at = line.indexOf(MARKER);
    return at < 0 ? null : line.substring(at + MARKER.length()).strip();
  }
}
