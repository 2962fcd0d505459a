package dev.weir.engine.iterator;

/** A position among the distinct keys of one {@link KeySource}; used by one reader thread. */
public interface SourceCursor {

  boolean valid();

  /** The current key; only while {@link #valid()}. */
  byte[] key();

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
