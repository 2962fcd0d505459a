package dev.weir.reactive.object;

import dev.weir.engine.Bytes;

/**
 * A bucket's record with its counters. The counters change in the same batch as what they
 * count, so they are exact. {@code incarnation} tells a bucket from one deleted and created
 * again under the same name while a put was streaming: that put must not commit into it.
 */
record BucketRecord(
    long created, long incarnation, long objects, long bytes, long uploads, long uploadBytes) {

  private static final int FORMAT = 1;

  BucketRecord objects(long deltaObjects, long deltaBytes) {
    return new BucketRecord(
        created, incarnation, objects + deltaObjects, bytes + deltaBytes, uploads, uploadBytes);
  }

  BucketRecord uploads(long deltaUploads, long deltaBytes) {
    return new BucketRecord(
        created, incarnation, objects, bytes, uploads + deltaUploads, uploadBytes + deltaBytes);
  }

  Bytes encode() {
    return new Codec.Writer(FORMAT)
        .i64(created).i64(incarnation).i64(objects).i64(bytes).i64(uploads).i64(uploadBytes)
        .toBytes();
  }

  static BucketRecord decode(Bytes value) {
    Codec.Reader r = new Codec.Reader(value, FORMAT);
    return new BucketRecord(r.i64(), r.i64(), r.i64(), r.i64(), r.i64(), r.i64());
  }
}
