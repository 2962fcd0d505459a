package dev.weir.engine.wal;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ReadableFile;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The segment being written and the move to the next one once it passes its size. A group
 * always lands whole in one segment, so a record never spans two, and a segment is synced
 * before the next is created, so only the last segment can end in a torn write.
 *
 * <p>It also knows, for each closed segment, a sequence all of its records lie below: the
 * first sequence of the segment after it, known when the writer moves on, or read from the
 * first record of the next segment found on disk at open (checked whole, since a wrong number
 * here would delete records still needed; a segment without an intact first record tells
 * nothing, and the bound of the one before it comes from further on). So segments whose
 * records the runs all hold can be deleted ({@link #release}).
 *
 * <p>Not safe for use from multiple threads: owned by the WAL thread.
 */
final class SegmentWriter {

  private final Directory dir;
  private final long segmentBytes;
  private WritableFile file;
  private long number;
  private long size;
  private long groupStart;
  /** Closed segments, oldest first, with their bounds, which never fall along the queue. */
  private final ArrayDeque<Closed> closed = new ArrayDeque<>();

  /** A segment no longer written, whose records all have sequences below {@code endSeq}. */
  private record Closed(long number, long endSeq) {}

  SegmentWriter(Directory dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  /**
   * Starts a new segment after any existing ones, whose first record will have sequence {@code
   * nextSeq}; old ones are never appended to, and every record in them lies below {@code
   * nextSeq}.
   */
  void open(long nextSeq) throws IOException {
    List<String> old = SegmentName.list(dir);
    long bound = nextSeq;
    for (int i = old.size() - 1; i >= 0; i--) {
      closed.addFirst(new Closed(SegmentName.parse(old.get(i)), bound));
      long first = firstSeq(old.get(i));
      if (first > 0) {
        bound = Math.min(bound, first);
      }
    }
    startSegment(old.isEmpty() ? 1 : SegmentName.parse(old.get(old.size() - 1)) + 1);
  }

  /** The sequence of the segment's first record, or -1 when it has no intact one. */
  private long firstSeq(String segment) throws IOException {
    try (ReadableFile in = dir.openForRead(segment)) {
      long size = in.size();
      if (size < LogFrame.HEADER) {
        return -1;
      }
      ByteBuffer header = ByteBuffer.allocate(LogFrame.HEADER);
      in.readFully(header, 0);
      int length = LogFrame.payloadSize(header, 0);
      if (length < 0 || length > size - LogFrame.HEADER) {
        return -1;
      }
      ByteBuffer frame = ByteBuffer.allocate(LogFrame.HEADER + length);
      in.readFully(frame, 0);
      frame.flip();
      return LogFrame.problem(frame, 0) == null ? LogFrame.seq(frame, 0) : -1;
    }
  }

  /**
   * Writes one group, whose first record has sequence {@code firstSeq}, moving to a new segment
   * first when it would overfill this one.
   */
  void write(ByteBuffer group, long firstSeq) throws IOException {
    if (size > 0 && size + group.remaining() > segmentBytes) {
      file.sync();
      file.close();
      closed.addLast(new Closed(number, firstSeq));
      startSegment(number + 1);
    }
    groupStart = size;
    size += group.remaining();
    file.write(group);
  }

  /** Cuts off what a failed {@link #write} left of its group. */
  void dropLastGroup() throws IOException {
    file.truncate(groupStart);
    size = groupStart;
  }

  void sync() throws IOException {
    file.sync();
  }

  void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  /**
   * Deletes the closed segments all of whose records have sequences at or below {@code seq},
   * oldest first, then syncs the directory; returns how many. The current segment stays.
   */
  int release(long seq) throws IOException {
    int deleted = 0;
    while (!closed.isEmpty() && closed.peekFirst().endSeq() - 1 <= seq) {
      dir.delete(SegmentName.of(closed.peekFirst().number()));
      closed.removeFirst();
      deleted++;
    }
    if (deleted > 0) {
      dir.sync();
    }
    return deleted;
  }

  String currentName() {
    return SegmentName.of(number);
  }

  private void startSegment(long n) throws IOException {
    file = dir.create(SegmentName.of(n));
    dir.sync();
    number = n;
    size = 0;
    groupStart = 0;
  }
}
