package dev.weir.engine;

/** A durable store's directory is already open, in this process or another: one owner at a time. */
public class StoreLockedException extends WeirException {

  public StoreLockedException(String message) {
    super(ErrorCode.STORE_LOCKED, message);
  }

  public StoreLockedException(String message, Throwable cause) {
    super(ErrorCode.STORE_LOCKED, message, cause);
  }
}
