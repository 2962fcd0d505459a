package dev.weir.engine.iterator;

/**
 * One cursor over a whole level of runs whose key ranges are disjoint and sorted: it opens one
 * run's cursor at a time and moves to the next run when that one ends. A merge then holds one
 * cursor per level instead of one per run, which is what makes a short scan of a deep store
 * cheap. Used by one reader thread.
 */
public final class LevelCursor implements SourceCursor {

  /** Opens a cursor on run {@code i} of the level. */
  public interface RunOpener {
    SourceCursor open(int run, byte[] from, byte[] to, boolean reverse);
  }

  /** Whether run {@code i} lies wholly past the range in the cursor's direction. */
  public interface PastRange {
    boolean test(int run);
  }

  private final RunOpener runs;
  private final PastRange past;
  private final int count;
  private final byte[] from;
  private final byte[] to;
  private final boolean reverse;
  private int index;
  private SourceCursor current;

  /**
   * @param first the run to start in: the one that may hold {@code from} (or, reversed, the
   *     last one that may hold keys below {@code to})
   */
  public LevelCursor(
      RunOpener runs,
      PastRange past,
      int count,
      int first,
      byte[] from,
      byte[] to,
      boolean reverse) {
    this.runs = runs;
    this.past = past;
    this.count = count;
    this.from = from;
    this.to = to;
    this.reverse = reverse;
    this.index = first;
    open();
  }

  private void open() {
    current = null;
    while (index >= 0 && index < count && !past.test(index)) {
      SourceCursor c = runs.open(index, from, to, reverse);
      if (c.valid()) {
        current = c;
        return;
      }
      index += reverse ? -1 : 1;
    }
  }

  @Override
  public boolean valid() {
    return current != null;
  }

  @Override
  public byte[] key() {
    return current.key();
  }

  @Override
  public void next() {
    current.next();
    if (!current.valid()) {
      index += reverse ? -1 : 1;
      open();
    }
  }

  @Override
  public boolean resolve(long maxSeq, VersionRef out) {
    return current.resolve(maxSeq, out);
  }

  @Override
  public void versions(VersionSink sink) {
    current.versions(sink);
  }
}
