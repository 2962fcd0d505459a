package dev.weir.engine;

/** An argument was refused before anything changed: a null or empty key, an oversized key or value, a bad range, a bad option. */
public class InvalidArgumentException extends WeirException {

  public InvalidArgumentException(String message) {
    super(ErrorCode.INVALID_ARGUMENT, message);
  }

  public InvalidArgumentException(String message, Throwable cause) {
    super(ErrorCode.INVALID_ARGUMENT, message, cause);
  }
}
