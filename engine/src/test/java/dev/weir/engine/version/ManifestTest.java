package dev.weir.engine.version;

import static dev.weir.engine.version.ManifestStates.assertSameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.vfs.FaultyDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.vfs.NoSpaceLeftException;
import dev.weir.engine.wal.LogFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @TempDir Path tmp;

  /** Writes a manifest of a snapshot and {@code edits}; returns each record's start offset. */
  private List<Long> write(LocalDirectory dir, ManifestState start, List<ManifestRecord> edits)
      throws IOException {
    List<Long> starts = new ArrayList<>();
    try (ManifestWriter w = ManifestWriter.create(dir, "MANIFEST-000001", 1, start)) {
      starts.add(0L);
      for (ManifestRecord e : edits) {
        starts.add(w.size());
        w.append(e);
      }
    }
    return starts;
  }

  @Test
  void replayGivesTheStateTheEditsBuild() throws IOException {
    long seed = 16_301;
    List<ManifestRecord> edits = ManifestStates.randomEdits(seed, 300);
    LocalDirectory dir = LocalDirectory.open(tmp);
    ManifestWriter w = ManifestWriter.create(dir, "MANIFEST-000001", 1, ManifestState.EMPTY);
    for (ManifestRecord e : edits) {
      w.append(e);
    }
    w.close();
    ManifestState expected = ManifestStates.applied(ManifestState.EMPTY, edits);
    assertSameState(expected, w.state(), "writer, seed " + seed);
    ManifestReplay replay = ManifestReader.replay(dir, "MANIFEST-000001");
    assertSameState(expected, replay.state(), "replay, seed " + seed);
    assertEquals(301, replay.records());
    assertNull(replay.tornTail());
  }

  @Test
  void aSnapshotRecordStartsTheStateOver() throws IOException {
    List<ManifestRecord> edits = ManifestStates.randomEdits(16_302, 40);
    ManifestState middle = ManifestStates.applied(ManifestState.EMPTY, edits.subList(0, 20));
    List<ManifestRecord> records = new ArrayList<>(edits.subList(0, 10));
    records.add(middle.snapshot());
    records.addAll(edits.subList(20, 40));
    LocalDirectory dir = LocalDirectory.open(tmp);
    write(dir, ManifestState.EMPTY, records);
    assertSameState(ManifestStates.applied(ManifestState.EMPTY, edits),
        ManifestReader.replay(dir, "MANIFEST-000001").state(), "after the snapshot");
  }

  @Test
  void aTornLastRecordIsCutAtEveryOffsetAndReported() throws IOException {
    List<ManifestRecord> edits = ManifestStates.randomEdits(16_303, 4);
    LocalDirectory dir = LocalDirectory.open(tmp);
    List<Long> starts = write(dir, ManifestState.EMPTY, edits);
    Path file = tmp.resolve("MANIFEST-000001");
    byte[] whole = Files.readAllBytes(file);
    int last = starts.get(starts.size() - 1).intValue();
    ManifestState kept = ManifestStates.applied(ManifestState.EMPTY, edits.subList(0, 3));
    for (int cut = last + 1; cut < whole.length; cut++) {
      for (boolean zeros : new boolean[] {false, true}) {
        byte[] torn = zeros ? whole.clone() : Arrays.copyOf(whole, cut);
        if (zeros) {
          Arrays.fill(torn, cut, torn.length, (byte) 0);
          if (Arrays.equals(torn, whole)) {
            continue; // the record ends in zeros: nothing torn
          }
        }
        Files.write(file, torn);
        String where = "cut at " + cut + (zeros ? " then zeros" : "");
        ManifestReplay replay = ManifestReader.replay(dir, "MANIFEST-000001");
        assertSameState(kept, replay.state(), where);
        assertEquals(4, replay.records(), where);
        assertNotNull(replay.tornTail(), where);
        assertEquals(last, replay.tornTail().offset(), where);
        assertEquals(torn.length - last, replay.tornTail().bytes(), where);
      }
    }
  }

  @Test
  void aChecksumMismatchBeforeTheTailIsCorruptionAtItsRecord() throws IOException {
    List<ManifestRecord> edits = ManifestStates.randomEdits(16_304, 5);
    LocalDirectory dir = LocalDirectory.open(tmp);
    List<Long> starts = write(dir, ManifestState.EMPTY, edits);
    Path file = tmp.resolve("MANIFEST-000001");
    byte[] whole = Files.readAllBytes(file);
    for (int r = 0; r < starts.size() - 1; r++) {
      for (int at : new int[] {0, 5, 13, LogFrame.HEADER + 2}) {
        byte[] bad = whole.clone();
        bad[(int) (starts.get(r) + at)] ^= 0x04;
        Files.write(file, bad);
        CorruptionException e = assertThrows(CorruptionException.class,
            () -> ManifestReader.replay(dir, "MANIFEST-000001"), "record " + r + " byte " + at);
        assertEquals((long) starts.get(r), e.offset(), "record " + r + " byte " + at);
        assertEquals(dir.describe("MANIFEST-000001"), e.file());
      }
    }
  }

  @Test
  void aManifestWithoutAnIntactSnapshotIsCorruption() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    Files.write(tmp.resolve("MANIFEST-000001"), new byte[0]);
    assertThrows(CorruptionException.class, () -> ManifestReader.replay(dir, "MANIFEST-000001"));
  }

  @Test
  void anEditThatDoesNotApplyIsRefusedAndWritesNothing() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    try (ManifestWriter w = ManifestWriter.create(dir, "MANIFEST-000001", 1,
        ManifestState.EMPTY)) {
      long size = w.size();
      assertThrows(IllegalArgumentException.class, () -> w.append(ManifestRecord.edit(
          ManifestRecord.UNCHANGED, 5, List.of(), List.of(42L), List.of(), List.of())));
      assertThrows(IllegalArgumentException.class, () -> w.append(ManifestRecord.edit(
          ManifestRecord.UNCHANGED, 5, List.of(new RunFile(0, 7, 10)), List.of(), List.of(),
          List.of())), "a file at or past the next file number");
      assertEquals(size, w.size());
      w.append(ManifestRecord.edit(8, 5, List.of(new RunFile(0, 7, 10)), List.of(), List.of(),
          List.of()));
    }
    assertEquals(List.of(List.of(new RunFile(0, 7, 10))),
        ManifestReader.replay(dir, "MANIFEST-000001").state().levels());
  }

  @Test
  void aFailedFsyncFailsTheAppendAndEveryLaterOne() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    ManifestWriter w = ManifestWriter.create(faults, "MANIFEST-000001", 1, ManifestState.EMPTY);
    ManifestRecord edit = ManifestRecord.edit(8, 5, List.of(new RunFile(0, 7, 10)), List.of(),
        List.of(), List.of());
    faults.failSync(0);
    IOException e = assertThrows(IOException.class, () -> w.append(edit));
    assertTrue(e.getMessage().contains("fsync"), e.getMessage());
    assertThrows(IOException.class, () -> w.append(edit), "fail-stop");
    assertSameState(ManifestState.EMPTY, w.state(), "the failed edit is not in the state");
    w.close();
  }

  @Test
  void aFullDiskSurfacesAsNoSpaceLeft() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    ManifestWriter w = ManifestWriter.create(faults, "MANIFEST-000001", 1, ManifestState.EMPTY);
    faults.limitSpace(10);
    assertThrows(NoSpaceLeftException.class, () -> w.append(ManifestRecord.edit(8, 5,
        List.of(new RunFile(0, 7, 10)), List.of(), List.of(), List.of())));
    w.close();
  }
}
