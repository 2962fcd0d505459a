package dev.weir.engine;

/** A transaction was used after its commit or rollback. */
public class TransactionClosedException extends WeirException {

  public TransactionClosedException(String message) {
    super(ErrorCode.TRANSACTION_CLOSED, message);
  }

  public TransactionClosedException(String message, Throwable cause) {
    super(ErrorCode.TRANSACTION_CLOSED, message, cause);
  }
}
