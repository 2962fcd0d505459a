package dev.weir.engine.run;

import static dev.weir.engine.run.RunFiles.assertSameEntries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.vfs.FaultyDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.vfs.NoSpaceLeftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {

  @TempDir Path tmp;

  private Run roundTrip(Run run) throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    String name = "000" + run.id() + ".run";
    long length = RunFileWriter.write(dir, name, run);
    assertEquals(Files.size(tmp.resolve(name)), length, "the length returned is the file's");
    Run loaded = RunFileReader.read(dir, name, 10, new Run.BloomStats());
    assertSameEntries(run, loaded);
    return loaded;
  }

  @Test
  void aRunWithDeletesTtlsAndEmptyValuesRoundTripsAcrossManyBlocks() throws IOException {
    // about 6 MB: a hundred blocks, and more than one of the reader's 4 MiB chunks
    Run run = RunFiles.random(16_201, 7, 40_000, "", 16, 200);
    roundTrip(run);
  }

  @Test
  void anEmptyRunRoundTrips() throws IOException {
    Run empty = new RunBuilder(10, new Run.BloomStats()).build(3);
    Run loaded = roundTrip(empty);
    assertEquals(0, loaded.size());
  }

  @Test
  void valuesLargerThanABlockOrAReadChunkRoundTrip() throws IOException {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    int[] sizes = {10, 70_000, 0, 5 << 20, 64 * 1024, 64 * 1024 - 30, 3};
    for (int i = 0; i < sizes.length; i++) {
      byte[] value = new byte[sizes[i]];
      Arrays.fill(value, (byte) i);
      b.add(new byte[] {(byte) i}, 100 - i, ValueKind.PUT, value, 0);
    }
    roundTrip(b.build(9));
  }

  @Test
  void keysWithLongSharedPrefixesAndMixedLengthsRoundTrip() throws IOException {
    String prefix = "T0001i/tenant#acme/".repeat(20);
    Run run = RunFiles.random(16_202, 11, 5_000, prefix, 12, 40);
    roundTrip(run);
    // keys of mixed lengths (an offset table in the run); ASCII, so string order is byte order
    RunBuilder sorted = new RunBuilder(10, new Run.BloomStats());
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    for (int i = 0; i < 3_000; i++) {
      keys.add(prefix + i);
    }
    for (String k : keys) {
      sorted.add(k.getBytes(), 1, ValueKind.PUT, new byte[] {1}, 0);
    }
    roundTrip(sorted.build(12));
  }

  @Test
  void aLoadedRunFindsItsKeysThroughItsRebuiltBloomFilter() throws IOException {
    Run run = RunFiles.random(16_203, 13, 2_000, "k", 8, 10);
    Run loaded = roundTrip(run);
    VersionRef ref = new VersionRef();
    for (int i = 0; i < run.size(); i++) {
      byte[] key = run.keyAt(i);
      assertTrue(loaded.find(key, KeyHash.hash(key), Long.MAX_VALUE, ref), "key " + i);
    }
    byte[] absent = "j-absent".getBytes();
    assertFalse(loaded.find(absent, KeyHash.hash(absent), Long.MAX_VALUE, ref));
  }

  /** A small run file's bytes, written once. */
  private byte[] smallFile(Path where) throws IOException {
    Run run = RunFiles.random(16_204, 5, 12, "key-", 6, 12);
    RunFileWriter.write(LocalDirectory.open(where), "000005.run", run);
    return Files.readAllBytes(where.resolve("000005.run"));
  }

  @Test
  void everySingleBitFlipInASmallFileIsACorruptionException() throws IOException {
    byte[] good = smallFile(tmp);
    LocalDirectory dir = LocalDirectory.open(tmp);
    Path file = tmp.resolve("000005.run");
    for (int bit = 0; bit < good.length * 8; bit++) {
      byte[] bad = good.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      Files.write(file, bad);
      int at = bit;
      CorruptionException e = assertThrows(CorruptionException.class,
          () -> RunFileReader.read(dir, "000005.run", 10, new Run.BloomStats()),
          () -> "bit " + at + " of " + good.length * 8);
      assertEquals(dir.describe("000005.run"), e.file());
      assertTrue(e.offset() >= 0 && e.offset() <= bit / 8,
          "bit " + bit + " reported at " + e.offset());
    }
  }

  @Test
  void aFileCutAtEveryOffsetIsACorruptionException() throws IOException {
    byte[] good = smallFile(tmp);
    LocalDirectory dir = LocalDirectory.open(tmp);
    Path file = tmp.resolve("000005.run");
    for (int cut = 0; cut < good.length; cut++) {
      Files.write(file, Arrays.copyOf(good, cut));
      int at = cut;
      assertThrows(CorruptionException.class,
          () -> RunFileReader.read(dir, "000005.run", 10, new Run.BloomStats()),
          () -> "cut at " + at);
    }
  }

  @Test
  void aFailedFsyncSurfacesAsAnIOExceptionAndLeavesNoFile() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.failSync(0);
    Run run = RunFiles.random(16_205, 6, 1_000, "", 16, 100);
    IOException e = assertThrows(IOException.class,
        () -> RunFileWriter.write(faults, "000006.run", run));
    assertTrue(e.getMessage().contains("fsync"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("000006.run")));
  }

  @Test
  void aFullDiskSurfacesAsNoSpaceLeftAndFreesWhatWasWritten() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.limitSpace(50_000);
    Run run = RunFiles.random(16_206, 6, 10_000, "", 16, 100);
    assertThrows(NoSpaceLeftException.class,
        () -> RunFileWriter.write(faults, "000006.run", run));
    assertFalse(Files.exists(tmp.resolve("000006.run")));
    faults.limitSpace(Long.MAX_VALUE);
    RunFileWriter.write(faults, "000006.run", run);
    assertSameEntries(run, RunFileReader.read(faults, "000006.run", 10, new Run.BloomStats()));
  }

  @Test
  void aFailedWriteSurfacesAsAnIOException() throws IOException {
    FaultyDirectory faults = new FaultyDirectory(LocalDirectory.open(tmp));
    faults.failWrite(1);
    Run run = RunFiles.random(16_207, 6, 60_000, "", 16, 100);
    assertThrows(IOException.class, () -> RunFileWriter.write(faults, "000006.run", run));
    assertFalse(Files.exists(tmp.resolve("000006.run")));
  }
}
