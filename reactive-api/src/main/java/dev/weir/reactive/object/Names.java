package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;

/** Checks of names and keys, as S3 draws them; each refusal names the argument. */
final class Names {

  static final int MAX_KEY_BYTES = 1024;
  static final int MIN_PART = 1;
  static final int MAX_PART = 10_000;

  private Names() {}

  static String bucket(String name) {
    if (name == null) {
      throw new InvalidArgumentException("bucket name must not be null");
    }
    if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || name.contains("..")) {
      throw new InvalidArgumentException(
          "bucket name must be 3-63 lowercase letters, digits, dots and hyphens, starting and"
              + " ending with a letter or digit, was '" + name + "'");
    }
    return name;
  }

  static String key(String argument, String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidArgumentException(argument + " must not be null or empty");
    }
    return limited(argument, key);
  }

  /** A prefix: null means the empty prefix (everything). */
  static String prefix(String argument, String prefix) {
    return prefix == null ? "" : limited(argument, prefix);
  }

  static long offset(long offset) {
    if (offset < 0) {
      throw new InvalidArgumentException("offset must not be negative, was " + offset);
    }
    return offset;
  }

  static long length(long length) {
    if (length < 0) {
      throw new InvalidArgumentException("length must not be negative, was " + length);
    }
    return length;
  }

  static int partNumber(int number) {
    if (number < MIN_PART || number > MAX_PART) {
      throw new InvalidArgumentException(
          "partNumber must be from " + MIN_PART + " to " + MAX_PART + ", was " + number);
    }
    return number;
  }

  /** Text that is valid UTF-16; otherwise it would alias another once encoded as UTF-8. */
  static String text(String argument, String value) {
    Bytes.utf8(value, argument);
    return value;
  }

  private static String limited(String argument, String value) {
    int bytes = Bytes.utf8(value, argument).length();
    if (bytes > MAX_KEY_BYTES) {
      throw new InvalidArgumentException(
          argument + " must be at most " + MAX_KEY_BYTES + " UTF-8 bytes, was " + bytes);
    }
    return value;
  }
}
