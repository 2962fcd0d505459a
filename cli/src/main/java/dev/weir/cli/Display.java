package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How the shell shows bytes, chosen so that what it prints can be typed back in: printable
 * UTF-8 is shown as text, anything else (invalid UTF-8, control characters, or text that would
 * read as hex because it starts with {@code 0x}) as {@code 0x} and hex digits. In the table and
 * compact formats, text that would not survive the tokenizer as one plain word is quoted.
 */
final class Display {

  private Display() {}

  /** Text or {@code 0x...}, unquoted: the form JSON output uses inside a JSON string. */
  static String plain(Bytes bytes) {
    String text = textOrNull(bytes);
    return text != null ? text : "0x" + bytes.toHex();
  }

  /** {@link #plain} with quotes where the tokenizer would otherwise split or reinterpret it. */
  static String word(Bytes bytes) {
    String text = textOrNull(bytes);
    if (text == null) {
      return "0x" + bytes.toHex();
    }
    return needsQuotes(text) ? quote(text) : text;
  }

  /** Text always in quotes ({@code "user:"}), or {@code 0x...}: a key named within a sentence. */
  static String quoted(Bytes bytes) {
    String text = textOrNull(bytes);
    return text == null ? "0x" + bytes.toHex() : quote(text);
  }

  /** Text as a word the tokenizer reads back whole: quoted when it must be. */
  static String word(String text) {
    return needsQuotes(text) ? quote(text) : text;
  }

  /** {@code put}, {@code delete}, {@code range-delete}, {@code expire}, {@code log}. */
  static String changeType(ChangeEvent.Type type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String textOrNull(Bytes bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.asReadOnlyByteBuffer())
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return null;
      }
    }
    return text;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || text.equals("-")) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '=') {
        return true;
      }
    }
    return text.startsWith("#");
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
