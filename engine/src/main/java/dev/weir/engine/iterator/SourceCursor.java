package dev.weir.engine.iterator;

import dev.weir.engine.Bytes;

/** A position among the distinct keys of one {@link KeySource}; used by one reader thread. */
public interface SourceCursor {

  boolean valid();

  /** The current key, for comparisons; only while {@link #valid()}. Must not be changed. */
  byte[] key();

  /**
   * The current key as a reader is handed it; only while {@link #valid()}. It may share the
   * source's storage: a run hands out a range of its key block rather than a copy, so a scan
   * whose consumer never looks at a key never reads it.
   */
  Bytes keyBytes();

  /** Moves to the next distinct key in the cursor's direction. */
  void next();

  /** Copies the newest version of the current key with a sequence at most maxSeq into out. */
  boolean resolve(long maxSeq, VersionRef out);

  /** Calls {@code sink} for every version of the current key, newest first. */
  void versions(VersionSink sink);

  /** Receives versions of one key. */
  interface VersionSink {
    void accept(long seq, byte kind, byte[] value, long expireAt);
  }
}
