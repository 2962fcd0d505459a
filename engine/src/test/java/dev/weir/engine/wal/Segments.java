package dev.weir.engine.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Segment files written and read by hand, to damage them as a crash or a bad disk would. */
final class Segments {

  private Segments() {}

  /** The bytes of a segment holding {@code records}; {@code starts} gets each frame's offset. */
  static byte[] framed(List<WalRecord> records, List<Integer> starts) {
    int total = 0;
    for (WalRecord r : records) {
      total += RecordFrame.size(r);
    }
    ByteBuffer buf = ByteBuffer.allocate(total);
    for (WalRecord r : records) {
      starts.add(buf.position());
      RecordFrame.encode(r, RecordCodec.payloadSize(r), buf);
    }
    return buf.array();
  }

  static void write(Path dir, long number, byte[] bytes) throws IOException {
    Files.write(dir.resolve(SegmentName.of(number)), bytes);
  }

  static byte[] read(Path dir, long number) throws IOException {
    return Files.readAllBytes(dir.resolve(SegmentName.of(number)));
  }

  static List<WalRecord> replayed(
      dev.weir.engine.vfs.Directory dir, long fromSeq, boolean salvage, ReplayReport[] report) {
    List<WalRecord> out = new ArrayList<>();
    ReplayReport r = WalReader.replay(dir, fromSeq, salvage, out::add);
    if (report != null) {
      report[0] = r;
    }
    return out;
  }
}
