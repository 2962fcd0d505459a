package dev.weir.engine.run;

import dev.weir.engine.iterator.SourceCursor;
import dev.weir.engine.iterator.VersionRef;

/**
 * A position among the distinct keys of a {@link Run} within {@code [from, to)}, moving up or
 * down. It always rests on the newest version of its key, so resolving walks forward through
 * that key's older versions only. Used by one reader thread.
 */
final class RunCursor implements SourceCursor {

  private final Run run;
  private final byte[] from;
  private final byte[] to;
  private final boolean reverse;
  private int index;
  private byte[] key;

  RunCursor(Run run, byte[] from, byte[] to, boolean reverse) {
    this.run = run;
    this.from = from;
    this.to = to;
    this.reverse = reverse;
    if (!reverse) {
      index = from == null ? 0 : run.lowerBound(from);
    } else {
      int end = to == null ? run.size() : run.lowerBound(to);
      index = end == 0 ? -1 : run.previousKey(end);
    }
    settle();
  }

  @Override
  public boolean valid() {
    return key != null;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public void next() {
    index = reverse ? run.previousKey(index) : run.nextKey(index);
    settle();
  }

  @Override
  public boolean resolve(long maxSeq, VersionRef out) {
    int end = run.nextKey(index);
    for (int i = index; i < end; i++) {
      if (run.seqAt(i) <= maxSeq) {
        run.load(i, out);
        return true;
      }
    }
    return false;
  }

  @Override
  public void versions(VersionSink sink) {
    int end = run.nextKey(index);
    for (int i = index; i < end; i++) {
      sink.accept(run.seqAt(i), run.kindAt(i), run.valueAt(i), run.expireAt(i));
    }
  }

  private void settle() {
    boolean inside =
        index >= 0
            && index < run.size()
            && (reverse
                ? from == null || run.compareAt(index, from) >= 0
                : to == null || run.compareAt(index, to) < 0);
    key = inside ? run.keyAt(index) : null;
  }
}
