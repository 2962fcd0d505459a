package dev.weir.engine;

/** A write was attempted in a read-only transaction. */
public class ReadOnlyTransactionException extends WeirException {

  public ReadOnlyTransactionException(String message) {
    super(ErrorCode.READ_ONLY, message);
  }

  public ReadOnlyTransactionException(String message, Throwable cause) {
    super(ErrorCode.READ_ONLY, message, cause);
  }
}
