package dev.weir.engine.version;

import static dev.weir.engine.version.ManifestStates.assertSameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.vfs.FaultyDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.vfs.NoSpaceLeftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDirectoryTest {

  @TempDir Path tmp;

  private static ManifestRecord addRun(long id, long nextFile) {
    return ManifestRecord.edit(nextFile, ManifestRecord.UNCHANGED,
        List.of(new RunFile(0, id, 100)), List.of(), List.of(), List.of());
  }

  @Test
  void filesAreNamedByNumber() {
    assertEquals("000123.run", StoreDirectory.runFileName(123));
    assertEquals("MANIFEST-000005", StoreDirectory.manifestName(5));
    assertEquals(123, StoreDirectory.parseRunFileName("000123.run"));
    assertEquals(5, StoreDirectory.parseManifestName("MANIFEST-000005"));
    for (String other : new String[] {"000001.wal", "LOCK", "CURRENT", ".run", "12a.run",
        "MANIFEST-", "MANIFEST-x1", "CURRENT.tmp"}) {
      assertEquals(-1, StoreDirectory.parseRunFileName(other), other);
      assertEquals(-1, StoreDirectory.parseManifestName(other), other);
    }
  }

  @Test
  void anEmptyDirectoryHoldsNoStore() throws IOException {
    assertNull(new StoreDirectory(LocalDirectory.open(tmp)).recover());
  }

  @Test
  void aStartedManifestIsFoundThroughCurrentWithEveryEditAfterIt() throws IOException {
    StoreDirectory store = new StoreDirectory(LocalDirectory.open(tmp));
    ManifestState state;
    try (ManifestWriter w = store.startManifest(ManifestState.EMPTY)) {
      assertEquals("MANIFEST-000001", w.name());
      assertEquals(2, w.state().nextFileNumber(), "the manifest took number 1");
      w.append(addRun(2, 4));
      w.append(addRun(3, 4));
      state = w.state();
    }
    assertEquals("MANIFEST-000001\n",
        Files.readString(tmp.resolve("CURRENT"), StandardCharsets.UTF_8));
    StoreDirectory.Recovered found = store.recover();
    assertEquals("MANIFEST-000001", found.manifest());
    assertEquals(1, found.manifestNumber());
    assertSameState(state, found.replay().state(), "recovered");
  }

  @Test
  void switchingManifestsLeavesTheOldOneAndDeadRunsObsolete() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    StoreDirectory store = new StoreDirectory(dir);
    ManifestState state;
    try (ManifestWriter w = store.startManifest(ManifestState.EMPTY)) {
      w.append(addRun(2, 5));
      w.append(addRun(3, 5));
      w.append(ManifestRecord.edit(ManifestRecord.UNCHANGED, 9, List.of(), List.of(2L),
          List.of(), List.of()));
      state = w.state();
    }
    for (String name : new String[] {"000002.run", "000003.run", "000004.run", "000001.wal",
        "LOCK", "notes.txt"}) {
      Files.write(tmp.resolve(name), new byte[1]);
    }
    long live;
    try (ManifestWriter w = store.startManifest(state)) {
      assertEquals("MANIFEST-000005", w.name());
      live = w.number();
    }
    StoreDirectory.Recovered found = store.recover();
    assertEquals("MANIFEST-000005", found.manifest());
    assertSameState(state.withNextFileNumber(6), found.replay().state(), "recovered");
    assertEquals(List.of("000002.run", "000004.run", "MANIFEST-000001"),
        store.obsoleteFiles(found.replay().state(), live, id -> false));
    assertEquals(List.of("000002.run", "MANIFEST-000001"),
        store.obsoleteFiles(found.replay().state(), live, id -> id == 4),
        "a run being written, or read by an old version, stays");
    store.deleteFiles(store.obsoleteFiles(found.replay().state(), live, id -> false));
    assertEquals(List.of("000001.wal", "000003.run", "CURRENT", "LOCK", "MANIFEST-000005",
        "notes.txt"), dir.list());
  }

  @Test
  void aSwitchThatFailsBeforeTheRenameLeavesTheOldManifestLiveAndItsLeftoversObsolete()
      throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    StoreDirectory store = new StoreDirectory(faults);
    ManifestState state;
    try (ManifestWriter w = store.startManifest(ManifestState.EMPTY)) {
      w.append(addRun(2, 3));
      state = w.state();
    }
    faults.failSync(1); // the new manifest syncs, then CURRENT.tmp's sync fails: a crash there
    assertThrows(IOException.class, () -> store.startManifest(state));
    assertEquals(List.of("CURRENT", "CURRENT.tmp", "MANIFEST-000001", "MANIFEST-000003"),
        faults.list());
    StoreDirectory.Recovered found = store.recover();
    assertEquals("MANIFEST-000001", found.manifest(), "the crash-left temp file is ignored");
    assertSameState(state, found.replay().state(), "recovered");
    assertEquals(List.of("CURRENT.tmp", "MANIFEST-000003"),
        store.obsoleteFiles(found.replay().state(), found.manifestNumber(), id -> false));
    // reopening starts the same number again, over the leftover
    try (ManifestWriter w = store.startManifest(found.replay().state())) {
      assertEquals("MANIFEST-000003", w.name());
    }
    assertEquals("MANIFEST-000003", store.recover().manifest());
    assertEquals(List.of("MANIFEST-000001"), store.obsoleteFiles(
        store.recover().replay().state(), 3, id -> false));
  }

  @Test
  void aStaleStateCannotOverwriteTheLiveManifest() throws IOException {
    StoreDirectory store = new StoreDirectory(LocalDirectory.open(tmp));
    store.startManifest(ManifestState.EMPTY).close();
    assertThrows(IllegalArgumentException.class, () -> store.startManifest(ManifestState.EMPTY));
    assertEquals("MANIFEST-000001", store.recover().manifest());
  }

  @Test
  void aFullDiskWhileStartingAManifestSurfacesAsNoSpaceLeft() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.limitSpace(10);
    assertThrows(NoSpaceLeftException.class,
        () -> new StoreDirectory(faults).startManifest(ManifestState.EMPTY));
    faults.limitSpace(Long.MAX_VALUE);
    assertNull(new StoreDirectory(faults).recover(), "CURRENT was never written");
  }

  @Test
  void aBrokenCurrentIsCorruption() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    StoreDirectory store = new StoreDirectory(dir);
    store.startManifest(ManifestState.EMPTY).close();
    Files.writeString(tmp.resolve("CURRENT"), "MANIFEST-000001"); // no newline: cut short
    assertThrows(CorruptionException.class, store::recover);
    Files.writeString(tmp.resolve("CURRENT"), "MANIFEST-000007\n");
    CorruptionException missing = assertThrows(CorruptionException.class, store::recover);
    assertEquals(dir.describe("MANIFEST-000007"), missing.file());
    Files.delete(tmp.resolve("CURRENT"));
    assertNull(store.recover(), "a manifest never named: a creation that did not finish");
    Files.write(tmp.resolve("000002.run"), new byte[1]);
    assertThrows(CorruptionException.class, store::recover, "run files but no CURRENT");
  }
}
