package dev.weir.vertx.codec;

import dev.weir.reactive.object.ObjectOptions;

/**
 * Opens a put of {@code key} (its content follows as {@link UploadChunk}s), or starts a
 * multipart upload of it. {@code options} may be {@code null}, meaning defaults, as the store's
 * own methods take it.
 */
public record ObjectWrite(String bucket, String key, ObjectOptions options) implements WireText {

  @Override
  public void checkText() {
    WireText.check("bucket", bucket);
    WireText.check("key", key);
  }
}
