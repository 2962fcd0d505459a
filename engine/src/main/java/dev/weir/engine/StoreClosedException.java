package dev.weir.engine;

/** An operation reached a store that is closed or closing. */
public class StoreClosedException extends WeirException {

  public StoreClosedException(String message) {
    super(ErrorCode.STORE_CLOSED, message);
  }

  public StoreClosedException(String message, Throwable cause) {
    super(ErrorCode.STORE_CLOSED, message, cause);
  }
}
