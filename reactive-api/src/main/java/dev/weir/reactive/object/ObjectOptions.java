package dev.weir.reactive.object;

import java.util.Map;
import java.util.Objects;

/**
 * What a put or a multipart upload stores beside the bytes: a content type and user metadata.
 * Immutable; the metadata map is copied on the way in.
 */
public final class ObjectOptions {

  /** S3's default content type for objects stored without one. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private static final ObjectOptions DEFAULT = new ObjectOptions(DEFAULT_CONTENT_TYPE, Map.of());

  private final String contentType;
  private final Map<String, String> metadata;

  private ObjectOptions(String contentType, Map<String, String> metadata) {
    this.contentType = contentType;
    this.metadata = metadata;
  }

  public static ObjectOptions defaults() {
    return DEFAULT;
  }

  public static ObjectOptions contentType(String contentType) {
    return DEFAULT.withContentType(contentType);
  }

  /** Text that is not valid UTF-16 is refused, as in keys: it could not be stored as it is. */
  public ObjectOptions withContentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    return new ObjectOptions(Names.text("contentType", contentType), metadata);
  }

  /**
   * User metadata (S3's {@code x-amz-meta-*}); null keys or values, and text that is not valid
   * UTF-16, are refused.
   */
  public ObjectOptions withMetadata(Map<String, String> metadata) {
    Map<String, String> copy = Map.copyOf(metadata);
    copy.forEach(
        (name, value) -> {
          Names.text("metadata name", name);
          Names.text("metadata value of '" + name + "'", value);
        });
    return new ObjectOptions(contentType, copy);
  }

  public String contentType() {
    return contentType;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "ObjectOptions{contentType=" + contentType + ", metadata=" + metadata + "}";
  }
}
