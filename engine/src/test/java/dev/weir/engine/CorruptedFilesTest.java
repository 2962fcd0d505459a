package dev.weir.engine;

import static dev.weir.engine.DamagedCopies.flipBit;
import static dev.weir.engine.DamagedCopies.truncate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.wal.ReplayReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from damaged copies of a real store's files (issue 16, points 4 and 6): a store
 * writes {@value #RECORDS} records, one per acknowledged write (every third a batch of three
 * keys), over several small log segments, and is closed; each case copies its directory,
 * damages the copy as a crash or a bad disk would, and opens it through the engine. A torn
 * tail is cut at every offset of the last record and at offsets inside earlier ones: the store
 * opens with exactly the whole records before the cut, reports the cut, and opens cleanly the
 * next time. A flipped bit before the tail refuses the open with a {@link CorruptionException}
 * naming the file and offset, changing nothing; salvage keeps the longest valid prefix and
 * reports what it dropped. Runs and manifest files are not on disk yet, so only the log is
 * damaged here.
 */
class CorruptedFilesTest {

  private static final int RECORDS = 120;
  private static final int SEGMENT_BYTES = 4096;

  @TempDir Path tmp;
  private Path original;
  /** Every record's frame, in log order: record i is the i-th write. */
  private final List<Frame> frames = new ArrayList<>();

  /** Where record {@code index} sits in the log. */
  private record Frame(int index, String segment, int offset, int size) {
    int end() {
      return offset + size;
    }
  }

  private static EngineConfig config(Path dir, boolean salvage) {
    return EngineConfig.builder().directory(dir).walSegmentBytes(SEGMENT_BYTES).salvage(salvage)
        .build();
  }

  private static boolean isBatch(int record) {
    return record % 3 == 2; // so the last record, the one a crash tears, is a batch
  }

  private static Bytes key(int record, int m) {
    return Bytes.utf8(String.format("r%03d/%d", record, m));
  }

  private static Bytes value(int record, int m) {
    return Bytes.utf8("value of record " + record + ", key " + m + ", padded to fill segments");
  }

  @BeforeEach
  void writeARealStoreAndCloseIt() throws Exception {
    original = tmp.resolve("original");
    Engine e = Engine.open(config(original, false));
    for (int i = 0; i < RECORDS; i++) {
      int r = i;
      if (isBatch(r)) {
        Writes.await(cb -> e.write(WriteBatch.builder().put(key(r, 0), value(r, 0))
            .put(key(r, 1), value(r, 1)).put(key(r, 2), value(r, 2)).build(), cb));
      } else {
        Writes.await(cb -> e.put(key(r, 0), value(r, 0), cb));
      }
    }
    e.closeAsync().get(30, TimeUnit.SECONDS);
    for (String segment : segments(original)) {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(original.resolve(segment)));
      for (int pos = 0; pos < bytes.limit(); pos += 16 + bytes.getInt(pos)) {
        frames.add(new Frame(frames.size(), segment, pos, 16 + bytes.getInt(pos)));
      }
    }
    assertEquals(RECORDS, frames.size(), "one frame per acknowledged write");
    assertTrue(segments(original).size() >= 3, "the log spans several segments");
  }

  @Test
  void aTornLastSegmentKeepsExactlyTheWholeRecordsBeforeTheCutAtEveryOffset() throws Exception {
    String last = lastSegment();
    List<Frame> inLast = frames.stream().filter(f -> f.segment().equals(last)).toList();
    Frame lastFrame = inLast.get(inLast.size() - 1);
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int x = lastFrame.offset(); x <= lastFrame.end(); x++) {
      cuts.add(x); // every offset of the last record, and its two ends (no tear at all)
    }
    for (Frame f : inLast) {
      for (int x : new int[] {f.offset(), f.offset() + 1, f.offset() + 15, f.offset() + 16,
          f.offset() + f.size() / 2, f.end() - 1}) {
        cuts.add(x); // in an earlier record: its header, its payload, its last byte
      }
    }
    for (int cut : cuts) {
      Path copy = copy("cut-" + cut);
      truncate(copy.resolve(last), cut);
      checkTornTail(copy, last, cut, "cut at " + cut + " of " + last);
    }
    System.out.printf("%d cuts of %s (%d records in %d segments) each opened twice%n",
        cuts.size(), last, frames.size(), segments(original).size());
  }

  @Test
  void zerosWhereTheTailWasExtendedButNotWrittenAreATornTail() throws Exception {
    String last = lastSegment();
    long size = Files.size(original.resolve(last));
    for (Frame f : frames.stream().filter(f -> f.segment().equals(last)).toList()) {
      for (int cut : new int[] {f.offset(), f.offset() + 7, f.offset() + 20}) {
        Path copy = copy("zeros-" + cut);
        truncate(copy.resolve(last), cut);
        try (FileChannel ch = FileChannel.open(copy.resolve(last),
            StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.allocate((int) (size - cut) + 512), cut);
        }
        checkTornTail(copy, last, cut, "zeros from " + cut + " of " + last);
      }
    }
  }

  /**
   * Opens {@code copy}, whose last segment ends (or turns to zeros) at {@code cut}: the whole
   * records before it are there, the rest are not, the cut is reported and made on disk, the
   * store takes writes, and the next open finds a clean log.
   */
  private void checkTornTail(Path copy, String last, int cut, String what) throws Exception {
    int kept = 0;
    Frame torn = null;
    for (Frame f : frames) {
      if (!f.segment().equals(last) || f.end() <= cut) {
        kept++;
      } else if (torn == null) {
        torn = f;
      }
    }
    long size = Files.size(copy.resolve(last));
    Engine e = Engine.open(config(copy, false));
    try {
      ReplayReport report = e.recovery();
      assertNull(report.salvaged(), what);
      assertEquals(lastSeq(kept), report.lastSeq(), what);
      int tornAt = torn == null ? -1 : torn.offset();
      if (tornAt < 0 || size == tornAt) {
        assertNull(report.tornTail(), what + ": the files end where a record does");
      } else {
        ReplayReport.Cut t = report.tornTail();
        assertNotNull(t, what + ": the torn tail is reported");
        assertEquals(last, t.segment(), what);
        assertEquals(tornAt, t.offset(), what + ": cut where the torn record starts");
        assertEquals(size - tornAt, t.bytes(), what + ": " + t);
        assertEquals(List.of(), t.laterSegments(), what);
      }
      assertHoldsExactly(e, kept, what);
      assertEquals(tornAt < 0 ? size : tornAt, Files.size(copy.resolve(last)),
          what + ": the tail is cut on disk");
      Writes.await(cb -> e.put(Bytes.utf8("after"), Bytes.utf8("reopen"), cb));
    } finally {
      e.closeAsync().get(30, TimeUnit.SECONDS);
    }
    Engine again = Engine.open(config(copy, false));
    try {
      assertNull(again.recovery().cut(), what + ": the second open finds a clean log");
      assertHoldsExactly(again, kept, what + ", reopened");
      assertEquals("reopen", again.get(Bytes.utf8("after")).asUtf8(), what);
    } finally {
      again.closeAsync().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFlippedBitBeforeTheTailRefusesTheOpenNamingTheFileAndOffsetAndChangesNothing()
      throws Exception {
    for (Frame f : damageTargets()) {
      for (int b = 0; b < f.size(); b++) {
        Path copy = copy("flip-" + f.index() + "-" + b);
        Path file = copy.resolve(f.segment());
        flipBit(file, f.offset() + b, b % 8);
        byte[] damaged = Files.readAllBytes(file);
        String what = "bit " + b % 8 + " of byte " + b + " of record " + f.index() + " in "
            + f.segment() + " at " + f.offset();
        CorruptionException c =
            assertThrows(CorruptionException.class, () -> Engine.open(config(copy, false)), what);
        assertTrue(c.file().endsWith(f.segment()), what + ": " + c.getMessage());
        assertEquals(f.offset(), c.offset(), what + ": " + c.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file), what + ": a refused open cuts nothing");
        assertEquals(segments(original), segments(copy), what + ": nor deletes segments");
      }
      System.out.printf("%d flipped bits in record %d refused%n", f.size(), f.index());
    }
  }

  @Test
  void salvageKeepsTheLongestValidPrefixAndSaysWhatItDropped() throws Exception {
    for (Frame f : damageTargets()) {
      for (int b : new int[] {0, 5, 13, 16, f.size() - 1}) {
        Path copy = copy("salvage-" + f.index() + "-" + b);
        flipBit(copy.resolve(f.segment()), f.offset() + b, 3);
        String what = "byte " + b + " of record " + f.index() + " in " + f.segment();
        List<String> later = segments(original).stream()
            .filter(s -> s.compareTo(f.segment()) > 0).toList();
        Engine e = Engine.open(config(copy, true));
        try {
          ReplayReport.Cut dropped = e.recovery().salvaged();
          assertNotNull(dropped, what + ": salvage says what it dropped");
          assertEquals(f.segment(), dropped.segment(), what);
          assertEquals(f.offset(), dropped.offset(), what);
          assertEquals(later, dropped.laterSegments(), what);
          assertHoldsExactly(e, f.index(), what);
          Writes.await(cb -> e.put(Bytes.utf8("after"), Bytes.utf8("salvage"), cb));
        } finally {
          e.closeAsync().get(30, TimeUnit.SECONDS);
        }
        Engine again = Engine.open(config(copy, false)); // the damage is gone: no salvage needed
        try {
          assertNull(again.recovery().cut(), what);
          assertHoldsExactly(again, f.index(), what + ", reopened");
          assertEquals("salvage", again.get(Bytes.utf8("after")).asUtf8(), what);
        } finally {
          again.closeAsync().get(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void aFlippedBitInTheLastRecordIsCutAsATornTailItCannotBeToldFromOne() throws Exception {
    Frame last = frames.get(frames.size() - 1);
    for (int b : new int[] {0, 4, 12, 16, last.size() - 1}) {
      Path copy = copy("flip-last-" + b);
      flipBit(copy.resolve(last.segment()), last.offset() + b, 0);
      Engine e = Engine.open(config(copy, false));
      try {
        ReplayReport.Cut t = e.recovery().tornTail();
        assertNotNull(t, "byte " + b);
        assertEquals(last.offset(), t.offset());
        assertHoldsExactly(e, RECORDS - 1, "byte " + b + " of the last record");
      } finally {
        e.closeAsync().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A record in the first segment and one in the middle of the last, neither the tail. */
  private List<Frame> damageTargets() {
    String first = frames.get(0).segment();
    List<Frame> inLast = frames.stream().filter(f -> f.segment().equals(lastSegment())).toList();
    Frame earlier = frames.stream().filter(f -> f.segment().equals(first)).toList().get(3);
    return List.of(earlier, inLast.get(inLast.size() / 2));
  }

  /** Records {@code 0..kept-1} are whole in {@code e}, the later ones wholly absent. */
  private static void assertHoldsExactly(Engine e, int kept, String what) {
    for (int r = 0; r < RECORDS; r++) {
      for (int m = 0; m < (isBatch(r) ? 3 : 1); m++) {
        Bytes found = e.get(key(r, m));
        if (r < kept) {
          assertEquals(value(r, m), found, what + ": record " + r + " key " + m + " is lost");
        } else {
          assertNull(found, what + ": record " + r + " key " + m + " is back, " + kept + " kept");
        }
      }
    }
  }

  /** The last sequence of the first {@code records} records (a batch takes three). */
  private static long lastSeq(int records) {
    long seq = 0;
    for (int r = 0; r < records; r++) {
      seq += isBatch(r) ? 3 : 1;
    }
    return seq;
  }

  private String lastSegment() {
    return frames.get(frames.size() - 1).segment();
  }

  private static List<String> segments(Path dir) throws IOException {
    return DamagedCopies.files(dir, ".wal");
  }

  private Path copy(String name) throws IOException {
    return DamagedCopies.copy(original, tmp.resolve(name));
  }
}
