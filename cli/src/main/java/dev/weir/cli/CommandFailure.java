package dev.weir.cli;

/**
 * A command that cannot do its work for a reason the user can act on (a store that does not
 * open, a name nobody serves, a port in use): {@link WeirCli} prints the message as one line,
 * {@code error: ...}, without the usage, and exits with {@link #exitCode()}.
 */
final class CommandFailure extends RuntimeException {

  private final int exitCode;

  CommandFailure(String message, int exitCode) {
    super(message, null, false, false); // the user's problem: a stack trace would be noise
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
