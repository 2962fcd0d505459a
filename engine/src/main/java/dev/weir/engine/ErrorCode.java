package dev.weir.engine;

/**
 * Stable error codes. The numbers travel over the event bus as failure codes and must never
 * change once released: add new codes, never renumber.
 */
public enum ErrorCode {
  INTERNAL(1, false),
  STORE_CLOSED(2, false),
  INVALID_ARGUMENT(3, false),
  STORE_FULL(4, true),
  TRANSACTION_CONFLICT(5, true),
  NOT_FOUND(6, false),
  SNAPSHOT_CLOSED(7, false),
  UNSUPPORTED(8, false),
  TIMEOUT(9, true),
  TRANSACTION_CLOSED(10, false),
  READ_ONLY(11, false),
  CHANGES_OVERFLOW(12, true),
  CHANGES_UNAVAILABLE(13, false),
  STORE_REPLACED(14, false),
  /** A table or index that does not exist (DynamoDB's ResourceNotFoundException). */
  TABLE_NOT_FOUND(15, false),
  /** A table that exists already (DynamoDB's ResourceInUseException). */
  TABLE_EXISTS(16, false),
  /** A write's condition expression was false (DynamoDB's ConditionalCheckFailedException). */
  CONDITION_FAILED(17, false),
  /** A table transaction was cancelled, with a reason per item (TransactionCanceledException). */
  TRANSACTION_CANCELED(18, false),
  CORRUPTION(19, false),
  STORE_LOCKED(20, false),
  STORAGE_FAILED(21, false),
  DISK_FULL(22, false);

  private final int code;
  private final boolean retryable;

  ErrorCode(int code, boolean retryable) {
    this.code = code;
    this.retryable = retryable;
  }

  public int code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }

  public static ErrorCode ofCode(int code) {
    for (ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return INTERNAL;
  }
}
