package dev.weir.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.ValueKind;
import dev.weir.engine.memtable.MemTable;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunBuilder;
import dev.weir.engine.run.RunFileWriter;
import dev.weir.engine.vfs.LocalDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileLoaderTest {

  @TempDir Path tmp;

  /** A run of keys {@code prefix + 0..n-1} at sequences from {@code seq}. */
  private static Run run(long id, String prefix, int n, long seq) {
    RunBuilder b = new RunBuilder(10, new Run.BloomStats());
    for (int i = 0; i < n; i++) {
      b.add((prefix + i).getBytes(), seq + i, ValueKind.PUT, ("v" + i).getBytes(), 0);
    }
    return b.build(id);
  }

  private static RunFile write(LocalDirectory dir, int level, Run run) throws IOException {
    return new RunFile(level, run.id(),
        RunFileWriter.write(dir, StoreDirectory.runFileName(run.id()), run));
  }

  private ManifestState sample(LocalDirectory dir) throws IOException {
    List<RunFile> files = new ArrayList<>();
    files.add(write(dir, 0, run(3, "a", 5, 100))); // newest of level 0 by sequence
    files.add(write(dir, 0, run(6, "a", 5, 10)));
    files.add(write(dir, 2, run(4, "m", 5, 1)));
    files.add(write(dir, 2, run(5, "c", 5, 1)));
    RangeTombstone t = new RangeTombstone("b".getBytes(), null, 300);
    return ManifestState.EMPTY.apply(
        ManifestRecord.edit(7, 200, files, List.of(), List.of(t), List.of()));
  }

  @Test
  void runsComeOutInTheOrderAVersionWants() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    RunFileLoader.Loaded loaded =
        RunFileLoader.load(dir, sample(dir), 10, new Run.BloomStats());
    List<List<Long>> ids = new ArrayList<>();
    for (List<Run> level : loaded.levels()) {
      ids.add(level.stream().map(Run::id).toList());
    }
    assertEquals(List.of(List.of(3L, 6L), List.of(), List.of(5L, 4L)), ids);
    assertEquals(1, loaded.tombstones().size());
    Version v = new Version(200, new MemTable(1, 1 << 20, 10), List.of(), loaded.levels(),
        loaded.tombstones());
    assertEquals(3, v.levels().size());
  }

  @Test
  void aMissingRunFileIsCorruptionNamingIt() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    ManifestState state = sample(dir);
    Files.delete(tmp.resolve("000004.run"));
    CorruptionException e = assertThrows(CorruptionException.class,
        () -> RunFileLoader.load(dir, state, 10, new Run.BloomStats()));
    assertEquals(dir.describe("000004.run"), e.file());
  }

  @Test
  void aRunFileOfAnotherLengthIsCorruption() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    ManifestState state = sample(dir);
    Files.write(tmp.resolve("000005.run"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    CorruptionException e = assertThrows(CorruptionException.class,
        () -> RunFileLoader.load(dir, state, 10, new Run.BloomStats()));
    assertEquals(dir.describe("000005.run"), e.file());
  }

  @Test
  void overlappingRunsInADeeperLevelAreCorruption() throws IOException {
    LocalDirectory dir = LocalDirectory.open(tmp);
    ManifestState state = ManifestState.EMPTY.apply(ManifestRecord.edit(9, 0,
        List.of(write(dir, 1, run(7, "k", 5, 1)), write(dir, 1, run(8, "k", 3, 10))),
        List.of(), List.of(), List.of()));
    assertThrows(CorruptionException.class,
        () -> RunFileLoader.load(dir, state, 10, new Run.BloomStats()));
  }
}
