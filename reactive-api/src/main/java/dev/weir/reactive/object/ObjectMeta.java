package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.time.Instant;
import java.util.Map;

/** The metadata record of one key: what {@code head} shows, and the content it points at. */
record ObjectMeta(
    String contentId,
    long size,
    String contentType,
    Map<String, String> metadata,
    String etag,
    int crc32c,
    long created) {

  private static final int FORMAT = 1;

  ObjectInfo info(String key, long sequence) {
    return new ObjectInfo(
        key, size, contentType, metadata, etag, crc32c, sequence, Instant.ofEpochMilli(created));
  }

  /** The same content under another key, stamped {@code now}. */
  ObjectMeta copiedAt(long now) {
    return new ObjectMeta(contentId, size, contentType, metadata, etag, crc32c, now);
  }

  Bytes encode() {
    return new Codec.Writer(FORMAT)
        .str(contentId).i64(size).str(contentType).map(metadata).str(etag).i32(crc32c)
        .i64(created)
        .toBytes();
  }

  static ObjectMeta decode(Bytes value) {
    Codec.Reader r = new Codec.Reader(value, FORMAT);
    return new ObjectMeta(r.str(), r.i64(), r.str(), r.map(), r.str(), r.i32(), r.i64());
  }
}
