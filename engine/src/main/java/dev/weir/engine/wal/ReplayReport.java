package dev.weir.engine.wal;

import java.util.List;

/**
 * What a replay found: the last sequence in the log's valid prefix (0 for an empty log), how
 * many records it handed over, and where it stopped short of the files' ends, if it did.
 *
 * @param tornTail the partial last write a crash left (expected after a crash, not damage), or
 *     null
 * @param salvaged what a salvaging replay dropped at damage before the tail, or null
 */
public record ReplayReport(long lastSeq, long records, Cut tornTail, Cut salvaged) {

  /**
   * Bytes the log's valid prefix ends before: from {@code offset} in {@code segment} ({@code
   * bytes} of it) and every segment in {@code laterSegments}.
   */
  public record Cut(String segment, long offset, long bytes, List<String> laterSegments,
      String why) {

    public Cut {
      laterSegments = List.copyOf(laterSegments);
    }

    @Override
    public String toString() {
      return bytes + " bytes of " + segment + " from offset " + offset
          + (laterSegments.isEmpty() ? "" : " and the segments " + laterSegments)
          + " (" + why + ")";
    }
  }

  /** The cut to make before writing again, or null when the files end where the log does. */
  public Cut cut() {
    return salvaged != null ? salvaged : tornTail;
  }
}
