package dev.weir.table.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a JSON reader is, as a JSONPath ({@code $.m.M.x}, {@code $.l.L[2]}), built into text
 * only when an error names it. Owned by one reader.
 */
final class JsonPath {
  private final List<Object> segments = new ArrayList<>();

  void push(String name) {
    segments.add(name);
  }

  void push(int index) {
    segments.add(index);
  }

  void pop() {
    segments.remove(segments.size() - 1);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("$");
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        s.append('[').append(index).append(']');
      } else if (isPlain((String) segment)) {
        s.append('.').append(segment);
      } else {
        s.append("['").append(((String) segment).replace("\\", "\\\\").replace("'", "\\'"))
            .append("']");
      }
    }
    return s.toString();
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '#';
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
