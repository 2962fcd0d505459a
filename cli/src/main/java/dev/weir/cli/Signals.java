package dev.weir.cli;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as a request to stop, for {@code serve}. Handling the signals (instead of
 * letting them run shutdown hooks as the JVM is exiting) lets the main thread shut down in
 * order and end with exit code 0, as a clean stop should; a JVM exit for any other reason
 * still runs the server's shutdown hook. A second signal while stopping ends the process at
 * once, for a user who does not want to wait.
 */
final class Signals {

  private Signals() {}

  /**
   * Calls {@code stop} with the signal's name on the first SIGINT or SIGTERM; returns false
   * where these signals cannot be handled (then only the shutdown hook stops the server).
   */
  static boolean onStop(Consumer<String> stop) {
    boolean[] seen = {false};
    try {
      for (String name : new String[] {"INT", "TERM"}) {
        Signal.handle(new Signal(name), signal -> {
          synchronized (seen) {
            if (seen[0]) {
              Runtime.getRuntime().halt(128 + signal.getNumber());
            }
            seen[0] = true;
          }
          stop.accept("SIG" + signal.getName());
        });
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false; // e.g. no SIGTERM on Windows
    }
  }
}
