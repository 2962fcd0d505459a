package dev.weir.engine;

/** A read used a snapshot that was already closed. */
public class SnapshotClosedException extends WeirException {

  public SnapshotClosedException(String message) {
    super(ErrorCode.SNAPSHOT_CLOSED, message);
  }

  public SnapshotClosedException(String message, Throwable cause) {
    super(ErrorCode.SNAPSHOT_CLOSED, message, cause);
  }
}
