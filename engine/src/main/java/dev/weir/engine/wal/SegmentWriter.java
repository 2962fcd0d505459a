package dev.weir.engine.wal;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The segment being written and the move to the next one once it passes its size. A group
 * always lands whole in one segment, so a record never spans two, and a segment is synced
 * before the next is created, so only the last segment can end in a torn write.
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

  SegmentWriter(Directory dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  /** Starts a new segment after any existing ones; old ones are never appended to. */
  void open() throws IOException {
    long last = 0;
    for (String name : SegmentName.list(dir)) {
      last = Math.max(last, SegmentName.parse(name));
    }
    startSegment(last + 1);
  }

  /** Writes one group, moving to a new segment first when it would overfill this one. */
  void write(ByteBuffer group) throws IOException {
    if (size > 0 && size + group.remaining() > segmentBytes) {
      file.sync();
      file.close();
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
