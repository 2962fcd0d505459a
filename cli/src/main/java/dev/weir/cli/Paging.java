package dev.weir.cli;

/**
 * Whether a command's output stops after each screenful to ask for more, as on a terminal
 * ({@link Pager}), or flows on, as in a script ({@link #NONE}).
 */
interface Paging {

  /** How many rows a table aligns at once when the output is not paged. */
  int SCRIPT_GROUP = 1000;

  /** No pages: everything prints as it comes. */
  Paging NONE = new Paging() {
    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public boolean quit() {
      return false;
    }

    @Override
    public int group() {
      return SCRIPT_GROUP;
    }
  };

  /** A command's result starts: count its lines from here. */
  void start();

  /** The result is printed: what comes next (a watched change) is not paged. */
  void stop();

  /** Whether the reader asked for no more of this result; what it still prints is dropped. */
  boolean quit();

  /** How many rows a table aligns at once: about a screenful, or more when not paged. */
  int group();
}
