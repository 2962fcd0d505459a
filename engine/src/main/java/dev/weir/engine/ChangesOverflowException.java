package dev.weir.engine;

/**
 * A change stream's subscriber fell further behind than the store's change log retains. No
 * event was skipped silently: every event up to {@link #lastDeliveredSequence()} was delivered,
 * so the subscriber can resume with {@code watch(prefix, lastDeliveredSequence() + 1)} (if the
 * log still holds it) or rescan.
 */
public class ChangesOverflowException extends WeirException {

  private final long lastDeliveredSequence;

  public ChangesOverflowException(String message, long lastDeliveredSequence) {
    super(ErrorCode.CHANGES_OVERFLOW, message);
    this.lastDeliveredSequence = lastDeliveredSequence;
  }

  public long lastDeliveredSequence() {
    return lastDeliveredSequence;
  }
}
