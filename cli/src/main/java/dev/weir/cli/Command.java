package dev.weir.cli;

/**
 * One shell command: its name, how to call it, and what it does. {@code inBatch} is what the
 * command does between {@code batch} and {@code end}: writes queue themselves there, shell
 * controls run as usual, and a command without one is refused until the batch ends.
 *
 * @param minArgs the fewest arguments after the name
 * @param maxArgs the most arguments after the name
 */
record Command(
    String name,
    String usage,
    String summary,
    int minArgs,
    int maxArgs,
    Action run,
    Action inBatch) {

  /** A command's work: parse {@code args}, ask the store, return what to print. */
  @FunctionalInterface
  interface Action {
    Result run(Session session, Args args);
  }

  /** A command that reads or inspects: not allowed inside a batch. */
  static Command of(String usage, String summary, int minArgs, int maxArgs, Action run) {
    return new Command(nameOf(usage), usage, summary, minArgs, maxArgs, run, null);
  }

  /** A write: runs at once, or joins the open batch. */
  static Command write(
      String usage, String summary, int minArgs, int maxArgs, Action run, Action queue) {
    return new Command(nameOf(usage), usage, summary, minArgs, maxArgs, run, queue);
  }

  /** A shell control (.format, .help, end, ...): the same inside a batch as outside. */
  static Command control(String usage, String summary, int minArgs, int maxArgs, Action run) {
    return new Command(nameOf(usage), usage, summary, minArgs, maxArgs, run, run);
  }

  private static String nameOf(String usage) {
    int space = usage.indexOf(' ');
    return space < 0 ? usage : usage.substring(0, space);
  }
}
