package dev.weir.vertx.codec;

import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import java.util.List;

/**
 * A request about a multipart upload of {@code bucket}: opening the upload of part {@code
 * partNumber} (its content follows as {@link UploadChunk}s), listing the parts, completing with
 * {@code parts}, or aborting. The upload, the parts and any part may be {@code null}: the store
 * refuses them.
 */
public record PartsRequest(String bucket, Upload upload, int partNumber, List<PartInfo> parts)
    implements WireText {

  @Override
  public void checkText() {
    WireText.check("bucket", bucket);
    if (upload != null) {
      WireText.check("upload bucket", upload.bucket());
      WireText.check("upload key", upload.key());
      WireText.check("uploadId", upload.uploadId());
    }
  }

  public static PartsRequest of(String bucket, Upload upload) {
    return new PartsRequest(bucket, upload, 0, null);
  }
}
