package dev.weir.engine.version;

/**
 * A run file as the manifest records it: the level its run belongs to, its file number (the
 * name {@code 000123.run} and the run's id) and its length in bytes, checked when it is loaded.
 */
public record RunFile(int level, long fileId, long length) {

  public RunFile {
    if (level < 0) {
      throw new IllegalArgumentException("level must not be negative: " + level);
    }
    if (fileId < 1) {
      throw new IllegalArgumentException("fileId must be at least 1: " + fileId);
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
  }
}
