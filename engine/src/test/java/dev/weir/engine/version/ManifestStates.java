package dev.weir.engine.version;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.key.RangeTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random manifest edits that apply, and the check that two states are the same. */
final class ManifestStates {

  private ManifestStates() {}

  /** {@code count} edits, each applying to the state the ones before it built. */
  static List<ManifestRecord> randomEdits(long seed, int count) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ManifestState state = ManifestState.EMPTY;
    List<ManifestRecord> edits = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < count; i++) {
      long next = state.nextFileNumber();
      List<RunFile> added = new ArrayList<>();
      for (int a = rnd.nextInt(3); a > 0; a--) {
        added.add(new RunFile(rnd.nextInt(4), next++, rnd.nextLong(1, 1L << 40)));
      }
      List<Long> removed = new ArrayList<>();
      for (long id : state.fileIds()) {
        if (rnd.nextInt(4) == 0) {
          removed.add(id);
        }
      }
      List<RangeTombstone> tombs = new ArrayList<>();
      if (rnd.nextInt(3) == 0) {
        seq += 1 + rnd.nextInt(100);
        byte[] from = rnd.nextInt(4) == 0 ? null : new byte[] {(byte) rnd.nextInt(256), 1};
        byte[] to = rnd.nextInt(4) == 0 ? null : new byte[] {(byte) 255, (byte) i, 7, 7};
        tombs.add(new RangeTombstone(from, to, seq));
      }
      List<Long> retired = new ArrayList<>();
      for (RangeTombstone t : state.tombstones()) {
        if (rnd.nextInt(5) == 0) {
          retired.add(t.seq());
        }
      }
      seq += rnd.nextInt(1000);
      ManifestRecord edit = ManifestRecord.edit(
          rnd.nextInt(3) == 0 ? ManifestRecord.UNCHANGED : next + rnd.nextInt(3),
          rnd.nextInt(3) == 0 ? ManifestRecord.UNCHANGED : seq,
          added, removed, tombs, retired);
      if (edit.nextFileNumber() == ManifestRecord.UNCHANGED && next > state.nextFileNumber()) {
        edit = ManifestRecord.edit(next, edit.lastFlushedSeq(), added, removed, tombs, retired);
      }
      state = state.apply(edit);
      edits.add(edit);
    }
    return edits;
  }

  static ManifestState applied(ManifestState from, List<ManifestRecord> records) {
    ManifestState s = from;
    for (ManifestRecord r : records) {
      s = s.apply(r);
    }
    return s;
  }

  static void assertSameState(ManifestState expected, ManifestState actual, String where) {
    assertEquals(expected.levels(), actual.levels(), where);
    assertEquals(expected.nextFileNumber(), actual.nextFileNumber(), where);
    assertEquals(expected.lastFlushedSeq(), actual.lastFlushedSeq(), where);
    assertEquals(expected.tombstones().size(), actual.tombstones().size(), where);
    for (int i = 0; i < expected.tombstones().size(); i++) {
      RangeTombstone e = expected.tombstones().get(i);
      RangeTombstone a = actual.tombstones().get(i);
      assertArrayEquals(e.from(), a.from(), where);
      assertArrayEquals(e.to(), a.to(), where);
      assertEquals(e.seq(), a.seq(), where);
    }
  }
}
