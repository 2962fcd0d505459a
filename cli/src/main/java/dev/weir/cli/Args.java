package dev.weir.cli;

import dev.weir.engine.ByteSize;
import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of one command, with parsers for the shell's value syntax: keys and values are
 * UTF-8 text, or hexadecimal after an unquoted {@code 0x}; durations are a number and a unit
 * ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}); limits are whole numbers;
 * sizes are bytes with an optional {@code KiB}/{@code MiB}/{@code GiB}. Commands with options
 * ({@code --recursive}, {@code --part-size 5MiB}) split them off with {@link #options}.
 */
final class Args {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z-]*");

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

  /** The arguments that are not options, and the options by name (a flag's value is ""). */
  record Options(Args positional, Map<String, String> values) {

    boolean has(String name) {
      return values.containsKey(name);
    }

    /** The option's value, or {@code null} when it was not given. */
    String value(String name) {
      return values.get(name);
    }
  }

  /**
   * Splits off the unquoted options: {@code flags} stand alone, {@code valued} take the next
   * word. Quoting is how a word that looks like an option ({@code "--x"}) stays an argument.
   * Options may stand anywhere; an unknown or repeated one is an error naming {@code usage}.
   */
  Options options(String usage, Set<String> flags, Set<String> valued) {
    List<Token> positional = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.quoted() || !OPTION.matcher(t.text()).matches()) {
        positional.add(t);
        continue;
      }
      String value;
      if (flags.contains(t.text())) {
        value = "";
      } else if (valued.contains(t.text()) && i + 1 < tokens.size()) {
        value = tokens.get(++i).text();
      } else if (valued.contains(t.text())) {
        throw new ShellException(t.text() + " needs a value: usage: " + usage);
      } else {
        throw new ShellException("unknown option '" + t.text() + "': usage: " + usage);
      }
      if (values.put(t.text(), value) != null) {
        throw new ShellException(t.text() + " given twice: usage: " + usage);
      }
    }
    return new Options(new Args(positional), values);
  }

  /** A byte count: {@code 65536}, {@code 512KiB}, {@code 5MiB}, {@code 1GiB} ({@link ByteSize}). */
  static long size(String text, String what) {
    try {
      return ByteSize.parse(what, text);
    } catch (InvalidArgumentException e) {
      throw new ShellException(e.getMessage());
    }
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
