package dev.weir.engine.wal;

import dev.weir.engine.StorageFailedException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;

/**
 * Makes the files end where a replay found the log's valid prefix ending: truncates the
 * segment at the cut, deletes the segments after it, and syncs both. Run after {@link
 * WalReader#replay} and before {@link WalWriter#start}: left in place, a torn tail would sit
 * before the new writer's records and read as damage at the next open.
 */
public final class WalRepair {

  private WalRepair() {}

  /** Applies {@code report}'s cut, if it has one. Blocks on the disk. */
  public static void apply(Directory dir, ReplayReport report) {
    ReplayReport.Cut cut = report.cut();
    if (cut == null) {
      return;
    }
    try {
      try (WritableFile file = dir.openForAppend(cut.segment())) {
        file.truncate(cut.offset());
        file.sync();
      }
      for (String later : cut.laterSegments()) {
        dir.delete(later);
      }
      dir.sync();
    } catch (IOException e) {
      throw new StorageFailedException("cannot cut the log at " + cut + ": " + e, e);
    }
  }
}
