package dev.weir.cli;

import java.io.IOException;
import java.io.Writer;
import org.jline.utils.WCWidth;

/**
 * Output to a terminal that stops after each screenful of a command's result with a {@code --
 * more --} prompt: space shows the next screenful, enter one more line, {@code q} (or Ctrl-C)
 * drops the rest of the result. Rows are counted as the terminal shows them: a line wider than
 * the screen takes several, a CJK character or an emoji two columns. Used by the shell's thread
 * only; the terminal answers {@link Screen#readKey} while the rest of the result waits.
 */
final class Pager extends Writer implements Paging {

  static final String PROMPT = "-- more --";

  /** The terminal as the pager needs it. */
  interface Screen {
    /** Rows and columns now (the window may have been resized); 0 when unknown. */
    int rows();

    int columns();

    /** One key, read without waiting for enter; -1 at the end of input. */
    int readKey();
  }

  private final Writer out;
  private final Screen screen;
  private boolean paging;
  private boolean quit;
  private int rows; // shown since the last prompt
  private int column;
  private char highSurrogate;

  Pager(Writer out, Screen screen) {
    this.out = out;
    this.screen = screen;
  }

  @Override
  public void start() {
    paging = true;
    quit = false;
    rows = 0;
    column = 0;
  }

  @Override
  public void stop() {
    paging = false;
  }

  @Override
  public boolean quit() {
    return quit;
  }

  @Override
  public int group() {
    return Math.max(1, screen.rows() - 1);
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (!paging) {
      out.write(chars, offset, length);
      return;
    }
    int from = offset;
    int end = offset + length;
    for (int i = offset; i < end && !quit; i++) {
      if (advance(chars[i])) {
        out.write(chars, from, i + 1 - from);
        from = i + 1;
        if (!more()) {
          quit = true;
        }
      }
    }
    if (!quit) {
      out.write(chars, from, end - from);
    }
  }

  /** Moves the cursor past {@code c}; returns whether the screen is full after it. */
  private boolean advance(char c) {
    int columns = screen.columns();
    int height = screen.rows();
    if (c == '\n') {
      column = 0;
      rows++;
    } else if (Character.isHighSurrogate(c)) {
      highSurrogate = c;
      return false;
    } else {
      int cp = Character.isLowSurrogate(c) ? Character.toCodePoint(highSurrogate, c) : c;
      int width = Math.max(0, WCWidth.wcwidth(cp));
      if (columns > 0 && column + width > columns) {
        rows++; // the terminal wraps the line
        column = 0;
      }
      column += width;
    }
    return height > 1 && rows >= height - 1;
  }

  /** Asks for more at the bottom of the screen; returns whether to go on. */
  private boolean more() throws IOException {
    out.write(PROMPT);
    out.flush();
    int key = screen.readKey();
    out.write("\r" + " ".repeat(PROMPT.length()) + "\r");
    switch (key) {
      case 'q', 'Q', 3, -1 -> { // 3: Ctrl-C, which the raw terminal reads as a key
        out.flush();
        return false;
      }
      case '\r', '\n' -> rows = Math.max(0, screen.rows() - 2);
      default -> rows = 0;
    }
    return true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
