package dev.weir.table;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A key attribute: its name and its type, string, number or binary (DynamoDB's S, N, B). */
public record KeyAttribute(String name, AttributeType type) {

  /** DynamoDB bounds a key attribute's name at 255 bytes of UTF-8. */
  public static final int MAX_NAME_BYTES = 255;

  public KeyAttribute {
    if (name == null || name.isEmpty()) {
      throw new ItemValidationException("a key attribute name must not be null or empty");
    }
    StringRules.checkUtf16(name, "key attribute name");
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new ItemValidationException(
          "key attribute name " + name + " is longer than " + MAX_NAME_BYTES + " bytes");
    }
    Objects.requireNonNull(type, "type");
    if (!type.isScalarKeyType()) {
      throw new ItemValidationException(
          "key attribute " + name + " must be of type S, N or B, not " + type);
    }
  }

  public static KeyAttribute string(String name) {
    return new KeyAttribute(name, AttributeType.S);
  }

  public static KeyAttribute number(String name) {
    return new KeyAttribute(name, AttributeType.N);
  }

  public static KeyAttribute binary(String name) {
    return new KeyAttribute(name, AttributeType.B);
  }
}
