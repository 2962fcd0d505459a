package dev.weir.engine;

/** A change stream asked to resume from a sequence the store no longer retains; rescan, then watch from the scan's snapshot. */
public class ChangesUnavailableException extends WeirException {

  public ChangesUnavailableException(String message) {
    super(ErrorCode.CHANGES_UNAVAILABLE, message);
  }

  public ChangesUnavailableException(String message, Throwable cause) {
    super(ErrorCode.CHANGES_UNAVAILABLE, message, cause);
  }
}
