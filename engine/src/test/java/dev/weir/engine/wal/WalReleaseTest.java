package dev.weir.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.vfs.LocalDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalReleaseTest {

  @TempDir Path tmp;

  /** A segment's number and the sequences of its first and last records (0 and -1: none). */
  private record Span(long number, long first, long last) {}

  private static List<Span> spans(LocalDirectory dir, Path root) throws IOException {
    List<Span> spans = new ArrayList<>();
    for (String name : SegmentName.list(dir)) {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(root.resolve(name)));
      long first = 0;
      long last = -1;
      for (int pos = 0; pos < bytes.limit();
          pos += LogFrame.HEADER + LogFrame.payloadSize(bytes, pos)) {
        WalRecord r = RecordCodec.decode(LogFrame.seq(bytes, pos), LogFrame.payload(bytes, pos));
        first = first == 0 ? r.firstSeq() : first;
        last = r.lastSeq();
      }
      spans.add(new Span(SegmentName.parse(name), first, last));
    }
    return spans;
  }

  private static List<Long> numbers(LocalDirectory dir) throws IOException {
    return SegmentName.list(dir).stream().map(SegmentName::parse).toList();
  }

  private static int released(WalWriter wal, long seq) throws Exception {
    return wal.releaseBelow(seq).get(30, TimeUnit.SECONDS);
  }

  /** Writes {@code records} one group each, so segments of 2,000 bytes rotate often. */
  private static WalWriter written(LocalDirectory dir, List<WalRecord> records, long nextSeq)
      throws Exception {
    WalWriter wal = WalWriter.start(dir, SyncPolicy.ALWAYS, 2_000, nextSeq);
    for (WalRecord r : records) {
      Appended a = new Appended();
      wal.append(List.of(r), a);
      a.durable();
    }
    return wal;
  }

  @Test
  void releaseDeletesOnlyClosedSegmentsAllOfWhoseRecordsAreCovered() throws Exception {
    LocalDirectory dir = LocalDirectory.open(tmp);
    List<WalRecord> records = new RandomRecords(16_401, 1).next(200);
    WalWriter wal = written(dir, records, 1);
    List<Span> spans = spans(dir, tmp);
    assertTrue(spans.size() > 6, "segments: " + spans);
    Span third = spans.get(2);
    assertEquals(2, released(wal, third.last() - 1), "a segment with one record left stays");
    assertEquals(List.of(third.number()), numbers(dir).subList(0, 1));
    assertEquals(1, released(wal, third.last()), "once its last record is covered, it goes");
    assertEquals(0, released(wal, third.last()), "nothing more is covered");
    Span current = spans.get(spans.size() - 1);
    assertEquals(spans.size() - 4, released(wal, Long.MAX_VALUE));
    assertEquals(List.of(current.number()), numbers(dir), "the current segment stays");
    assertEquals(spans.size() - 1, wal.releasedSegments());
    wal.close().get(30, TimeUnit.SECONDS);
    List<WalRecord> replayed = Segments.replayed(dir, current.first(), false, null);
    assertEquals(records.subList(records.size() - replayed.size(), records.size()), replayed);
  }

  @Test
  void segmentsFoundAtStartAreReleasedByTheFirstRecordsAfterThem() throws Exception {
    LocalDirectory dir = LocalDirectory.open(tmp);
    List<WalRecord> records = new RandomRecords(16_402, 1).next(60);
    written(dir, records, 1).close().get(30, TimeUnit.SECONDS);
    long next = records.get(records.size() - 1).lastSeq() + 1;
    // a writer that appended nothing leaves an empty segment; it tells no first sequence
    WalWriter.start(dir, SyncPolicy.ALWAYS, 2_000, next).close().get(30, TimeUnit.SECONDS);
    List<Span> spans = spans(dir, tmp);
    assertEquals(-1, spans.get(spans.size() - 1).last(), "the empty segment");
    // damage the first record of the second segment: the bound of the first must come from
    // the third, later than the truth, so the first is kept longer, never deleted early
    Path second = tmp.resolve(SegmentName.of(spans.get(1).number()));
    byte[] bytes = Files.readAllBytes(second);
    bytes[LogFrame.HEADER] ^= 1;
    Files.write(second, bytes);

    WalWriter wal = WalWriter.start(dir, SyncPolicy.ALWAYS, 2_000, next);
    assertEquals(0, released(wal, spans.get(0).last()), "the first's bound is unknown yet");
    assertEquals(2, released(wal, spans.get(1).last()), "the first and the damaged second");
    assertEquals(spans.get(2).number(), numbers(dir).get(0));
    int written = spans.size() - 1; // the segments with records
    assertTrue(written >= 4, "segments: " + spans);
    assertEquals(written - 3, released(wal, next - 2),
        "all but the last written one, which ends at the writer's start");
    assertEquals(2, released(wal, next - 1), "the last written segment and the empty one");
    assertEquals(1, numbers(dir).size(), "only the new writer's own segment");
    wal.close().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aReleaseAfterCloseIsAnsweredWithNothingDeleted() throws Exception {
    LocalDirectory dir = LocalDirectory.open(tmp);
    WalWriter wal = written(dir, new RandomRecords(16_403, 1).next(30), 1);
    wal.close().get(30, TimeUnit.SECONDS);
    int before = numbers(dir).size();
    assertEquals(0, released(wal, Long.MAX_VALUE));
    assertEquals(before, numbers(dir).size());
  }
}
