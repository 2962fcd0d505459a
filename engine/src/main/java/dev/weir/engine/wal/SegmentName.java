package dev.weir.engine.wal;

import dev.weir.engine.vfs.Directory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Segment files are named by number, {@code 000001.wal}, and read in that order. */
final class SegmentName {

  static final String SUFFIX = ".wal";

  private SegmentName() {}

  static String of(long number) {
    return String.format("%06d%s", number, SUFFIX);
  }

  /** The segment's number, or -1 when {@code name} is not a segment's. */
  static long parse(String name) {
    if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
      return -1;
    }
    String digits = name.substring(0, name.length() - SUFFIX.length());
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    return digits.length() > 18 ? -1 : Long.parseLong(digits);
  }

  /** The segments in {@code dir}, oldest first. */
  static List<String> list(Directory dir) throws IOException {
    List<String> segments = new ArrayList<>();
    for (String name : dir.list()) {
      if (parse(name) >= 0) {
        segments.add(name);
      }
    }
    segments.sort((a, b) -> Long.compare(parse(a), parse(b)));
    return segments;
  }
}
