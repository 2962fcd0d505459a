package dev.weir.cli;

import dev.weir.engine.Bytes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of one command, with parsers for the shell's value syntax: keys and values are
 * UTF-8 text, or hexadecimal after an unquoted {@code 0x}; durations are a number and a unit
 * ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}); limits are whole numbers.
 */
final class Args {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final List<Token> tokens;

  Args(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  int size() {
    return tokens.size();
  }

  Token token(int index) {
    return tokens.get(index);
  }

  Bytes bytes(int index) {
    return bytes(tokens.get(index));
  }

  /** The bytes at {@code index}, or {@code null} for an unquoted {@code -} (an open range end). */
  Bytes boundOrOpen(int index) {
    Token t = tokens.get(index);
    return t.is("-") ? null : bytes(t);
  }

  Duration duration(int index) {
    return duration(tokens.get(index).text());
  }

  long number(int index, String what) {
    return number(tokens.get(index).text(), what);
  }

  static Bytes bytes(Token t) {
    String text = t.text();
    if (t.quoted() || !(text.startsWith("0x") || text.startsWith("0X"))) {
      return Bytes.utf8(text);
    }
    try {
      return Bytes.wrap(HexFormat.of().parseHex(text, 2, text.length()));
    } catch (IllegalArgumentException e) {
      throw new ShellException(
          "bad hex '" + text + "': expected an even number of hex digits after 0x"
              + " (quote it to mean text)");
    }
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new ShellException("bad duration '" + text + "' (use e.g. 500ms, 30s, 5m, 1h, 2d)");
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new ShellException("bad duration '" + text + "': too long");
    }
  }

  static long number(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ShellException("bad " + what + " '" + text + "': expected a whole number");
    }
  }
}
