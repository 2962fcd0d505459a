package dev.weir.engine;

/**
 * A durable store's disk had no room for a write. The write-ahead log cuts the group it could
 * not finish and stops (its writes are already in the memtable and cannot be taken back), so
 * reads keep working and every later write fails with this until the store is reopened once
 * space is freed. Nothing acknowledged is lost.
 */
public class DiskFullException extends WeirException {

  public DiskFullException(String message) {
    super(ErrorCode.DISK_FULL, message);
  }

  public DiskFullException(String message, Throwable cause) {
    super(ErrorCode.DISK_FULL, message, cause);
  }
}
