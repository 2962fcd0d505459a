package dev.weir.engine.version;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.key.RangeTombstones;
import dev.weir.engine.run.Run;
import dev.weir.engine.run.RunFileReader;
import dev.weir.engine.vfs.Directory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Loads the run files a manifest names into the runs and tombstones of a {@link Version}. Each
 * file must be there and have the length the manifest recorded, and hold the run of its
 * number; level 0 comes out newest first (by highest sequence, then file number), deeper levels
 * sorted by smallest key and checked to be disjoint. Anything else is a {@link
 * CorruptionException} naming the file.
 *
 * <p>Reads files: call it where blocking is allowed (opening the store).
 */
public final class RunFileLoader {

  private RunFileLoader() {}

  /** What a {@link Version} is built from, besides its memtables. */
  public record Loaded(List<List<Run>> levels, RangeTombstones tombstones) {}

  private static final Comparator<Run> NEWEST_FIRST =
      Comparator.comparingLong(Run::maxSeq).thenComparingLong(Run::id).reversed();
  private static final Comparator<Run> BY_SMALLEST_KEY = (a, b) -> a.size() == 0 || b.size() == 0
      ? Integer.compare(a.size() == 0 ? 0 : 1, b.size() == 0 ? 0 : 1)
      : Arrays.compareUnsigned(a.smallestKey(), b.smallestKey());

  public static Loaded load(Directory dir, ManifestState state, int bitsPerKey,
      Run.BloomStats bloomStats) throws IOException {
    List<List<Run>> levels = new ArrayList<>();
    for (int l = 0; l < state.levels().size(); l++) {
      List<Run> runs = new ArrayList<>();
      for (RunFile f : state.levels().get(l)) {
        runs.add(load(dir, f, bitsPerKey, bloomStats));
      }
      runs.sort(l == 0 ? NEWEST_FIRST : BY_SMALLEST_KEY);
      if (l > 0) {
        checkDisjoint(dir, l, runs);
      }
      levels.add(List.copyOf(runs));
    }
    return new Loaded(List.copyOf(levels),
        RangeTombstones.of(state.tombstones().toArray(new RangeTombstone[0])));
  }

  private static Run load(Directory dir, RunFile f, int bitsPerKey, Run.BloomStats bloomStats)
      throws IOException {
    String name = StoreDirectory.runFileName(f.fileId());
    if (!dir.exists(name)) {
      throw new CorruptionException(dir.describe(name), 0,
          "missing, though the manifest lists it in level " + f.level());
    }
    long size = dir.size(name);
    if (size != f.length()) {
      throw new CorruptionException(dir.describe(name), Math.min(size, f.length()),
          size + " bytes where the manifest recorded " + f.length());
    }
    Run run = RunFileReader.read(dir, name, bitsPerKey, bloomStats);
    if (run.id() != f.fileId()) {
      throw new CorruptionException(dir.describe(name), 0, "holds run " + run.id());
    }
    return run;
  }

  private static void checkDisjoint(Directory dir, int level, List<Run> runs) {
    Run before = null;
    for (Run r : runs) {
      if (r.size() == 0) {
        continue;
      }
      if (before != null && Arrays.compareUnsigned(before.largestKey(), r.smallestKey()) >= 0) {
        throw new CorruptionException(dir.describe(StoreDirectory.runFileName(r.id())), 0,
            "overlaps run " + before.id() + " in level " + level + ", whose runs must be "
                + "disjoint");
      }
      before = r;
    }
  }
}
