package dev.weir.cli;

/**
 * Ctrl-C while a command runs. On a terminal, the signal that would otherwise end the process
 * ends the running command instead ({@code watch} returns to the prompt); a script has no such
 * hook, so Ctrl-C ends it as it ends any program.
 */
interface Interrupts {

  /** No hook: the default signal handling stays. */
  Interrupts NONE = stop -> () -> {};

  /** Runs {@code stop} on Ctrl-C until the returned registration is closed. */
  Registration onInterrupt(Runnable stop);

  /** Undoes {@link #onInterrupt}; closing never fails. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
