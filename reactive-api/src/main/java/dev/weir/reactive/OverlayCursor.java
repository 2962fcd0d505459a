package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import java.util.Iterator;
import java.util.Map;

/**
 * A transaction's view of a range: its buffered writes laid over what the layer below sees,
 * merged in the range's order. A buffered write has no sequence yet, so it reads as sequence 0.
 */
final class OverlayCursor implements Cursor {

  private final Cursor base;
  private final WriteBuffer buffer;
  private final boolean reverse;
  private final Iterator<Map.Entry<Bytes, WriteBuffer.Lookup>> points;
  private Entry baseHead;
  private Map.Entry<Bytes, WriteBuffer.Lookup> pointHead;
  private long remaining;

  OverlayCursor(Cursor base, WriteBuffer buffer, KeyRange range) {
    this.base = base;
    this.buffer = buffer;
    this.reverse = range.isReverse();
    this.points = buffer.pointsIn(range).entrySet().iterator();
    this.remaining = range.limit();
    this.baseHead = base.next();
    this.pointHead = points.hasNext() ? points.next() : null;
  }

  @Override
  public Entry next() {
    while (remaining > 0 && (baseHead != null || pointHead != null)) {
      int order = order();
      Entry out;
      if (order == 0) {
        out = fromPoint(pointHead);
        advanceBase();
        advancePoint();
      } else if (order < 0) {
        out = buffer.hidesStoredKey(baseHead.key()) ? null : baseHead;
        advanceBase();
      } else {
        out = fromPoint(pointHead);
        advancePoint();
      }
      if (out != null) {
        remaining--;
        return out;
      }
    }
    close();
    return null;
  }

  /** Negative: the base entry comes first; positive: the buffered one; zero: same key. */
  private int order() {
    if (pointHead == null) {
      return -1;
    }
    if (baseHead == null) {
      return 1;
    }
    int cmp = baseHead.key().compareTo(pointHead.getKey());
    return reverse ? -cmp : cmp;
  }

  private static Entry fromPoint(Map.Entry<Bytes, WriteBuffer.Lookup> point) {
    Bytes value = point.getValue().value();
    return value == null ? null : new Entry(point.getKey(), value, 0);
  }

  private void advanceBase() {
    baseHead = base.next();
  }

  private void advancePoint() {
    pointHead = points.hasNext() ? points.next() : null;
  }

  @Override
  public void close() {
    base.close();
  }
}
