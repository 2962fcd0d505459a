package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.time.Instant;
import java.util.Map;

/** An open multipart upload: the key and options its object will get. */
record UploadRecord(String key, String contentType, Map<String, String> metadata, long initiated) {

  private static final int FORMAT = 1;

  Upload handle(String bucket, String uploadId) {
    return new Upload(bucket, key, uploadId, Instant.ofEpochMilli(initiated));
  }

  Bytes encode() {
    return new Codec.Writer(FORMAT).str(key).str(contentType).map(metadata).i64(initiated)
        .toBytes();
  }

  static UploadRecord decode(Bytes value) {
    Codec.Reader r = new Codec.Reader(value, FORMAT);
    return new UploadRecord(r.str(), r.str(), r.map(), r.i64());
  }
}
