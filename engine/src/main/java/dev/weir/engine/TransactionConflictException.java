package dev.weir.engine;

/** Something a transaction read changed before it committed; nothing was written. Retryable. */
public class TransactionConflictException extends WeirException {

  public TransactionConflictException(String message) {
    super(ErrorCode.TRANSACTION_CONFLICT, message);
  }

  public TransactionConflictException(String message, Throwable cause) {
    super(ErrorCode.TRANSACTION_CONFLICT, message, cause);
  }
}
