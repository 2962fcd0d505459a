package dev.weir.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Where the shell's commands come from: a terminal with a line editor, or a script. */
interface LineSource extends AutoCloseable {

  /** The next line, or {@code null} at the end of input (Ctrl-D on a terminal). */
  String next(String prompt);

  @Override
  default void close() {}

  /** Lines of a script or pipe; the prompt is not shown. */
  static LineSource of(BufferedReader reader) {
    return prompt -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
