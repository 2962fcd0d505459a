package dev.weir.engine;

/** The named thing (bucket, object, upload...) does not exist. */
public class NotFoundException extends WeirException {

  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, cause);
  }
}
