package dev.weir.engine;

/**
 * A durable store's file fails its checksum or framing before its last record: the bytes on
 * disk are not what Weir wrote. The store refuses to open unless asked to salvage.
 */
public class CorruptionException extends WeirException {

  private final String file;
  private final long offset;

  public CorruptionException(String file, long offset, String why) {
    super(ErrorCode.CORRUPTION, "corrupt " + file + " at offset " + offset + ": " + why);
    this.file = file;
    this.offset = offset;
  }

  /** Rebuilt from its message alone, e.g. on the far side of a bus. */
  public CorruptionException(String message) {
    super(ErrorCode.CORRUPTION, message);
    this.file = null;
    this.offset = -1;
  }

  /** The file's name, or null when rebuilt from a message. */
  public String file() {
    return file;
  }

  /** Where in {@link #file()} the damage starts, or -1 when unknown. */
  public long offset() {
    return offset;
  }
}
