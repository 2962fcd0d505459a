package dev.weir.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.vfs.LocalDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalReaderTest {

  @TempDir Path tmp;

  @Test
  void everyEntryKindRoundTripsThroughTheFraming() throws IOException {
    long seed = 16_001;
    List<WalRecord> records = new RandomRecords(seed, 1).next(2_000);
    Segments.write(tmp, 1, Segments.framed(records, new ArrayList<>()));
    ReplayReport[] report = new ReplayReport[1];
    List<WalRecord> replayed = Segments.replayed(LocalDirectory.open(tmp), 1, false, report);
    assertEquals(records, replayed, "seed " + seed);
    assertEquals(records.get(records.size() - 1).lastSeq(), report[0].lastSeq());
    assertNull(report[0].cut());
  }

  @Test
  void aTornLastRecordIsCutOffAtEveryByteOffsetAndReported() throws IOException {
    List<WalRecord> records = new RandomRecords(16_002, 1).next(6);
    List<Integer> starts = new ArrayList<>();
    byte[] whole = Segments.framed(records, starts);
    int last = starts.get(starts.size() - 1);
    long keptSeq = records.get(records.size() - 2).lastSeq();
    for (int cut = last + 1; cut < whole.length; cut++) {
      for (boolean zeros : new boolean[] {false, true}) {
        Path dir = Files.createDirectories(tmp.resolve("cut-" + cut + "-" + zeros));
        byte[] torn = zeros ? whole.clone() : Arrays.copyOf(whole, cut);
        if (zeros) {
          Arrays.fill(torn, cut, torn.length, (byte) 0);
        }
        Segments.write(dir, 1, torn);
        ReplayReport[] report = new ReplayReport[1];
        List<WalRecord> replayed = Segments.replayed(LocalDirectory.open(dir), 1, false, report);
        String where = "cut at " + cut + (zeros ? " then zeros" : "");
        assertEquals(records.subList(0, records.size() - 1), replayed, where);
        assertEquals(keptSeq, report[0].lastSeq(), where);
        assertEquals(new ReplayReport.Cut(SegmentName.of(1), last, torn.length - last, List.of(),
            report[0].tornTail().why()), report[0].tornTail(), where);
        assertNull(report[0].salvaged(), where);
      }
    }
  }

  @Test
  void trailingZerosAfterTheLastRecordAreATornTail() throws IOException {
    List<WalRecord> records = new RandomRecords(16_003, 1).next(3);
    byte[] whole = Segments.framed(records, new ArrayList<>());
    Segments.write(tmp, 1, Arrays.copyOf(whole, whole.length + 4096));
    ReplayReport[] report = new ReplayReport[1];
    assertEquals(records, Segments.replayed(LocalDirectory.open(tmp), 1, false, report));
    assertEquals(whole.length, report[0].tornTail().offset());
    assertEquals(4096, report[0].tornTail().bytes());
  }

  @Test
  void aFlippedBitBeforeTheLastRecordIsCorruptionNamingTheFileAndOffset() throws IOException {
    List<WalRecord> records = new RandomRecords(16_004, 1).next(5);
    List<Integer> starts = new ArrayList<>();
    byte[] whole = Segments.framed(records, starts);
    int second = starts.get(1);
    for (int bit = 0; bit < (starts.get(2) - second) * 8; bit++) {
      byte[] damaged = whole.clone();
      damaged[second + bit / 8] ^= (byte) (1 << (bit % 8));
      Path dir = Files.createDirectories(tmp.resolve("bit-" + bit));
      Segments.write(dir, 1, damaged);
      List<WalRecord> replayed = new ArrayList<>();
      CorruptionException e = assertThrows(CorruptionException.class,
          () -> WalReader.replay(LocalDirectory.open(dir), 1, false, replayed::add),
          "bit " + bit);
      assertEquals(LocalDirectory.open(dir).describe(SegmentName.of(1)), e.file(), "bit " + bit);
      assertEquals(second, e.offset(), "bit " + bit);
      assertTrue(e.getMessage().contains("000001.wal"), e.getMessage());
    }
  }

  @Test
  void salvageKeepsTheLongestValidPrefixAndSaysWhatItDropped() throws IOException {
    RandomRecords gen = new RandomRecords(16_005, 1);
    List<WalRecord> first = gen.next(5);
    List<WalRecord> second = gen.next(3);
    List<Integer> starts = new ArrayList<>();
    byte[] one = Segments.framed(first, starts);
    one[starts.get(2) + RecordFrame.HEADER] ^= 0x10; // inside the third record's payload
    Segments.write(tmp, 1, one);
    Segments.write(tmp, 2, Segments.framed(second, new ArrayList<>()));
    LocalDirectory dir = LocalDirectory.open(tmp);

    assertThrows(CorruptionException.class, () -> WalReader.replay(dir, 1, false, r -> {}));
    ReplayReport[] report = new ReplayReport[1];
    assertEquals(first.subList(0, 2), Segments.replayed(dir, 1, true, report));
    ReplayReport.Cut dropped = report[0].salvaged();
    assertEquals(SegmentName.of(1), dropped.segment());
    assertEquals((long) starts.get(2), dropped.offset());
    assertEquals(one.length - starts.get(2), dropped.bytes());
    assertEquals(List.of(SegmentName.of(2)), dropped.laterSegments());
    assertEquals(first.get(1).lastSeq(), report[0].lastSeq());

    WalRepair.apply(dir, report[0]);
    assertEquals(first.subList(0, 2), Segments.replayed(dir, 1, false, report));
    assertNull(report[0].cut(), "the repaired log ends where its valid prefix does");
  }

  @Test
  void aDamagedRecordInAnEarlierSegmentIsCorruptionEvenAtThatSegmentsEnd() throws IOException {
    RandomRecords gen = new RandomRecords(16_006, 1);
    List<WalRecord> first = gen.next(3);
    byte[] one = Segments.framed(first, new ArrayList<>());
    Segments.write(tmp, 1, Arrays.copyOf(one, one.length - 1));
    Segments.write(tmp, 2, Segments.framed(gen.next(2), new ArrayList<>()));
    CorruptionException e = assertThrows(CorruptionException.class,
        () -> WalReader.replay(LocalDirectory.open(tmp), 1, false, r -> {}));
    assertTrue(e.file().endsWith(SegmentName.of(1)), e.file());
  }

  @Test
  void aSequenceThatDoesNotFollowItsPredecessorIsCorruption() throws IOException {
    List<WalRecord> records = List.of(
        WalRecord.of(1, WalEntry.delete(new byte[] {1})),
        WalRecord.of(3, WalEntry.delete(new byte[] {2})),
        WalRecord.of(4, WalEntry.delete(new byte[] {3})));
    List<Integer> starts = new ArrayList<>();
    Segments.write(tmp, 1, Segments.framed(records, starts));
    CorruptionException e = assertThrows(CorruptionException.class,
        () -> WalReader.replay(LocalDirectory.open(tmp), 1, false, r -> {}));
    assertEquals((long) starts.get(1), e.offset());
  }

  @Test
  void replayFromAMiddleSequenceStartsInsideABatch() throws IOException {
    WalRecord batch = WalRecord.of(1, WalEntry.delete(new byte[] {1}),
        WalEntry.delete(new byte[] {2}), WalEntry.delete(new byte[] {3}));
    WalRecord next = WalRecord.of(4, WalEntry.delete(new byte[] {4}));
    Segments.write(tmp, 1, Segments.framed(List.of(batch, next), new ArrayList<>()));
    assertEquals(List.of(WalRecord.of(3, WalEntry.delete(new byte[] {3})), next),
        Segments.replayed(LocalDirectory.open(tmp), 3, false, null));
  }

  @Test
  void aLogStartingAfterTheReplaySequenceIsMissingRecords() throws IOException {
    Segments.write(tmp, 1, Segments.framed(
        List.of(WalRecord.of(5, WalEntry.delete(new byte[] {1}))), new ArrayList<>()));
    CorruptionException e = assertThrows(CorruptionException.class,
        () -> WalReader.replay(LocalDirectory.open(tmp), 2, false, r -> {}));
    assertTrue(e.getMessage().contains("sequence 5 where 2 was expected"), e.getMessage());
  }

  @Test
  void anEmptyLogReplaysNothing() throws IOException {
    ReplayReport report = WalReader.replay(LocalDirectory.open(tmp), 1, false, r -> {
      throw new AssertionError("nothing to replay");
    });
    assertEquals(new ReplayReport(0, 0, null, null), report);
  }

  @Test
  void theCodecRejectsAnEntryKindItDoesNotKnow() {
    WalRecord r = WalRecord.of(1, WalEntry.delete(new byte[] {7}));
    ByteBuffer payload = ByteBuffer.allocate(RecordCodec.payloadSize(r));
    RecordCodec.encode(r, payload);
    payload.put(4, (byte) 99);
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.decode(1, payload.flip()));
  }
}
