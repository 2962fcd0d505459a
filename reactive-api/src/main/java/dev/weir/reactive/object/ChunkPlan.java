package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The chunks a byte range of a content overlaps, and the slice of each that belongs to the
 * range, computed lazily from the manifest: a 64 KiB read of a 256 MiB object names one or
 * two chunks and touches no other key.
 */
final class ChunkPlan implements Iterable<ChunkPlan.Slice> {

  /** Bytes {@code [from, to)} of the chunk stored under {@code key}. */
  record Slice(Bytes key, int from, int to) {}

  private final String bucket;
  private final List<Manifest.Segment> segments;
  private final long offset;
  private final long end;

  /** The range {@code [offset, offset + length)}, clamped to the content's size. */
  ChunkPlan(String bucket, Manifest manifest, long offset, long length) {
    this.bucket = bucket;
    this.segments = manifest.segments();
    long size = manifest.size();
    this.offset = Math.min(offset, size);
    this.end = length > size - this.offset ? size : this.offset + length;
  }

  long length() {
    return end - offset;
  }

  @Override
  public Iterator<Slice> iterator() {
    return new Iterator<>() {
      private int segment;
      private long segmentStart;
      private long position = offset;

      @Override
      public boolean hasNext() {
        return position < end;
      }

      @Override
      public Slice next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        while (position >= segmentStart + segments.get(segment).length()) {
          segmentStart += segments.get(segment).length();
          segment++;
        }
        Manifest.Segment s = segments.get(segment);
        long within = position - segmentStart;
        int index = (int) (within / s.chunkSize());
        long chunkStart = (long) index * s.chunkSize();
        long chunkEnd = Math.min(chunkStart + s.chunkSize(), s.length());
        long sliceEnd = Math.min(chunkEnd, end - segmentStart);
        position = segmentStart + sliceEnd;
        return new Slice(
            Keys.chunk(Keys.blobChunks(bucket, s.blobId()), index),
            (int) (within - chunkStart),
            (int) (sliceEnd - chunkStart));
      }
    };
  }
}
