package dev.weir.engine;

/** A durable store's disk has no room for a write. Reads keep working; retry once space is freed. */
public class DiskFullException extends WeirException {

  public DiskFullException(String message) {
    super(ErrorCode.DISK_FULL, message);
  }

  public DiskFullException(String message, Throwable cause) {
    super(ErrorCode.DISK_FULL, message, cause);
  }
}
