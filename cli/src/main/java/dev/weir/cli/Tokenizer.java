package dev.weir.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into {@link Token}s the way a POSIX shell would, minus expansion:
 * whitespace separates words; {@code "..."} groups with the escapes {@code \" \\ \n \t \r};
 * {@code '...'} groups literally; quoted and unquoted parts next to each other form one word.
 * A backslash outside quotes is an ordinary character, so Windows paths and regexes survive.
 */
final class Tokenizer {

  private Tokenizer() {}

  static List<Token> split(String line) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          tokens.add(new Token(word.toString(), quoted));
          word.setLength(0);
          inWord = false;
          quoted = false;
        }
        i++;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i + 1, word);
        inWord = true;
        quoted = true;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new ShellException("unterminated ' quote");
        }
        word.append(line, i + 1, end);
        i = end + 1;
        inWord = true;
        quoted = true;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      tokens.add(new Token(word.toString(), quoted));
    }
    return tokens;
  }

  /** Appends the double-quoted part that starts at {@code i}; returns the index after it. */
  private static int readDoubleQuoted(String line, int i, StringBuilder word) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        switch (next) {
          case 'n' -> word.append('\n');
          case 't' -> word.append('\t');
          case 'r' -> word.append('\r');
          case '"', '\\' -> word.append(next);
          default -> word.append(c).append(next); // unknown escapes stay as typed
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new ShellException("unterminated \" quote");
  }
}
