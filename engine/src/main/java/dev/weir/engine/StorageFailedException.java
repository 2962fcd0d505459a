package dev.weir.engine;

/**
 * A write or sync to a durable store's files failed. Fail-stop: after a failed fsync the page
 * cache may have dropped the very pages it could not write, so a retry proves nothing (the
 * PostgreSQL fsync lesson). The store turns read-only and acknowledges no later write.
 */
public class StorageFailedException extends WeirException {

  public StorageFailedException(String message) {
    super(ErrorCode.STORAGE_FAILED, message);
  }

  public StorageFailedException(String message, Throwable cause) {
    super(ErrorCode.STORAGE_FAILED, message, cause);
  }
}
