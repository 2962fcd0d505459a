package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A content: the blobs whose chunks, in order, make an object's bytes, and how many metadata
 * records point at it. A single put has one segment, a multipart object one per part. Copy
 * adds a reference instead of copying chunks; when the last reference goes, the same batch
 * deletes the manifest and its blobs' chunks (one range tombstone per blob).
 */
record Manifest(long refs, List<Segment> segments) {

  private static final int FORMAT = 1;

  /** {@code length} bytes stored as chunks of {@code chunkSize} under {@code blobId}. */
  record Segment(String blobId, long length, int chunkSize) {}

  Manifest {
    segments = List.copyOf(segments);
  }

  Manifest withRefs(long refs) {
    return new Manifest(refs, segments);
  }

  long size() {
    long n = 0;
    for (Segment s : segments) {
      n += s.length();
    }
    return n;
  }

  Bytes encode() {
    Codec.Writer w = new Codec.Writer(FORMAT).i64(refs).i32(segments.size());
    for (Segment s : segments) {
      w.str(s.blobId()).i64(s.length()).i32(s.chunkSize());
    }
    return w.toBytes();
  }

  static Manifest decode(Bytes value) {
    Codec.Reader r = new Codec.Reader(value, FORMAT);
    long refs = r.i64();
    int n = r.i32();
    List<Segment> segments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      segments.add(new Segment(r.str(), r.i64(), r.i32()));
    }
    return new Manifest(refs, segments);
  }
}
