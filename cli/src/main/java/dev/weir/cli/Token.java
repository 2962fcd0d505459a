package dev.weir.cli;

/**
 * One word of a command line. {@code quoted} records whether any part of it was in quotes:
 * quoting is how a user says "this is text", so a quoted {@code "0x41"} or {@code "-"} is taken
 * literally instead of as hex or an open range end.
 */
record Token(String text, boolean quoted) {

  /** Whether this is the unquoted word {@code word}, e.g. the {@code -} of an open range end. */
  boolean is(String word) {
    return !quoted && text.equals(word);
  }
}
