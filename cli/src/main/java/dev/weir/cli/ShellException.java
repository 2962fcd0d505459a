package dev.weir.cli;

/**
 * A mistake in what the user typed (unknown command, wrong arguments, bad hex or duration),
 * caught before the store is asked anything. The shell prints its message and goes on.
 */
final class ShellException extends RuntimeException {

  ShellException(String message) {
    super(message, null, false, false); // a user error: the stack trace would be noise
  }
}
