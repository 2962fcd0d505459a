package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.time.Instant;

/** One uploaded part: its blob, and the digests completion combines without reading bytes. */
record PartRecord(
    int number, String blobId, long size, int chunkSize, byte[] md5, int crc32c, long uploaded) {

  private static final int FORMAT = 1;

  String etag() {
    return Digests.hex(md5);
  }

  PartInfo info() {
    return new PartInfo(number, etag(), size, Instant.ofEpochMilli(uploaded));
  }

  Manifest.Segment segment() {
    return new Manifest.Segment(blobId, size, chunkSize);
  }

  Bytes encode() {
    return new Codec.Writer(FORMAT)
        .i32(number).str(blobId).i64(size).i32(chunkSize).str(etag()).i32(crc32c).i64(uploaded)
        .toBytes();
  }

  static PartRecord decode(Bytes value) {
    Codec.Reader r = new Codec.Reader(value, FORMAT);
    return new PartRecord(
        r.i32(), r.str(), r.i64(), r.i32(), Digests.unhex(r.str()), r.i32(), r.i64());
  }
}
