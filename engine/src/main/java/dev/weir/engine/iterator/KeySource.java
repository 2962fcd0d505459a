package dev.weir.engine.iterator;

/**
 * Something a reader can look keys up in: a memtable or a run. Sources of one {@code Version}
 * are ordered newest first, and for any key every version in a newer source is newer than
 * every version in an older one, so a reader stops at the first source that has a version.
 */
public interface KeySource {

  /**
   * Copies the newest version of {@code key} with a sequence at most {@code maxSeq} into out.
   * {@code hash} is {@code KeyHash.hash(key)}, computed once per lookup for every source.
   */
  boolean find(byte[] key, long hash, long maxSeq, VersionRef out);

  /**
   * The highest sequence this source holds. For the active memtable, read it only on the write
   * loop (it grows there); for frozen memtables and runs it is fixed.
   */
  long maxSeq();

  /** The earliest expiry time of any version held, or 0 when none expires. */
  long minExpireAt();

  /** A cursor over the distinct keys in {@code [from, to)}, ascending or descending. */
  SourceCursor cursor(byte[] from, byte[] to, boolean reverse);
}
