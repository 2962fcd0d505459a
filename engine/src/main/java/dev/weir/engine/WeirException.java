package dev.weir.engine;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one unchecked exception type of Weir. Each kind is a subclass with a stable
 * {@link ErrorCode}; a failed operation changes nothing in the store.
 */
public class WeirException extends RuntimeException {

  private final ErrorCode code;

  public WeirException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public WeirException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public final ErrorCode errorCode() {
    return code;
  }

  /** The stable numeric code, also used as the event-bus failure code. */
  public final int code() {
    return code.code();
  }

  /** Whether trying the same operation again may succeed. */
  public boolean retryable() {
    return code.retryable();
  }

  /** Rebuilds the exception kind that {@code code} names, e.g. on the far side of a bus. */
  public static WeirException of(int code, String message) {
    ErrorCode c = ErrorCode.ofCode(code);
    switch (c) {
      case STORE_CLOSED:
        return new StoreClosedException(message);
      case INVALID_ARGUMENT:
        return new InvalidArgumentException(message);
      case STORE_FULL:
        return new StoreFullException(message);
      case TRANSACTION_CONFLICT:
        return new TransactionConflictException(message);
      case NOT_FOUND:
        return new NotFoundException(message);
      case SNAPSHOT_CLOSED:
        return new SnapshotClosedException(message);
      case UNSUPPORTED:
        return new UnsupportedFeatureException(message);
      case TRANSACTION_CLOSED:
        return new TransactionClosedException(message);
      case READ_ONLY:
        return new ReadOnlyTransactionException(message);
      case CHANGES_OVERFLOW:
        return new ChangesOverflowException(message, lastSequenceIn(message));
      case CHANGES_UNAVAILABLE:
        return new ChangesUnavailableException(message);
      case STORE_REPLACED:
        return new StoreReplacedException(message);
      case CORRUPTION:
        return new CorruptionException(message);
      case STORE_LOCKED:
        return new StoreLockedException(message);
      case STORAGE_FAILED:
        return new StorageFailedException(message);
      case DISK_FULL:
        return new DiskFullException(message);
      default:
        return new WeirException(c, message);
    }
  }

  /** Reads "last delivered sequence N" back out of an overflow message. */
  private static long lastSequenceIn(String message) {
    Matcher m =
        Pattern.compile("last delivered sequence (\\d+)").matcher(
            String.valueOf(message));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
