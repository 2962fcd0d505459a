package dev.weir.engine;

/** A write would take the store past its memory budget. Reads and deletes keep working; retry after deletes. */
public class StoreFullException extends WeirException {

  public StoreFullException(String message) {
    super(ErrorCode.STORE_FULL, message);
  }

  public StoreFullException(String message, Throwable cause) {
    super(ErrorCode.STORE_FULL, message, cause);
  }
}
