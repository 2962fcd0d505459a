package dev.weir.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How {@code cat} shows an object: UTF-8 text as it is (a terminal shows line breaks and tabs,
 * not escapes), anything else as a {@code hexdump -C} style dump, with offsets in the object.
 */
final class Content {

  private static final int ROW = 16;

  private Content() {}

  static byte[] concat(List<ByteBuffer> buffers) {
    int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
    ByteBuffer all = ByteBuffer.allocate(size);
    buffers.forEach(b -> all.put(b.duplicate()));
    return all.array();
  }

  /** The text to print for {@code bytes} read from {@code offset}; ends with a newline. */
  static String show(byte[] bytes, long offset) {
    if (bytes.length == 0) {
      return "";
    }
    String text = textOrNull(bytes);
    if (text != null) {
      return text.endsWith("\n") ? text : text + "\n";
    }
    return hexdump(bytes, offset);
  }

  private static String textOrNull(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return null; // a terminal would act on it rather than show it
      }
    }
    return text;
  }

  static String hexdump(byte[] bytes, long offset) {
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < bytes.length; row += ROW) {
      b.append(String.format("%08x ", offset + row));
      StringBuilder ascii = new StringBuilder();
      for (int i = 0; i < ROW; i++) {
        b.append(i == ROW / 2 ? "  " : " ");
        if (row + i < bytes.length) {
          int v = bytes[row + i] & 0xff;
          b.append(String.format("%02x", v));
          ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
        } else {
          b.append("  ");
        }
      }
      b.append("  |").append(ascii).append("|\n");
    }
    return b.toString();
  }
}
