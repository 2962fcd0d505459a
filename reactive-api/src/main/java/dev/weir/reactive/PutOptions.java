package dev.weir.reactive;

import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of one put: a time to live, and a condition on the key's current value. Immutable;
 * the store checks them, refusing a TTL that is zero, negative or overflows.
 */
public final class PutOptions {

  private static final long NONE = -1;
  private static final long ABSENT = 0;
  private static final PutOptions DEFAULT = new PutOptions(null, NONE);

  private final Duration ttl;
  private final long expectedSequence;

  private PutOptions(Duration ttl, long expectedSequence) {
    this.ttl = ttl;
    this.expectedSequence = expectedSequence;
  }

  public static PutOptions defaults() {
    return DEFAULT;
  }

  /** The value expires after {@code ttl}: reads stop returning it, compaction drops it. */
  public static PutOptions ttl(Duration ttl) {
    return DEFAULT.withTtl(ttl);
  }

  /** Writes only if the key has no live value. */
  public static PutOptions ifAbsent() {
    return new PutOptions(null, ABSENT);
  }

  /** Writes only if the key's live value was written at {@code sequence} (compare and set). */
  public static PutOptions ifSequence(long sequence) {
    if (sequence < 1) {
      throw new InvalidArgumentException("sequence must be at least 1, was " + sequence);
    }
    return new PutOptions(null, sequence);
  }

  public PutOptions withTtl(Duration ttl) {
    return new PutOptions(Objects.requireNonNull(ttl, "ttl"), expectedSequence);
  }

  public Duration ttl() {
    return ttl;
  }

  /** -1: no condition; 0: only if absent; n: only if the live value has sequence n. */
  public long expectedSequence() {
    return expectedSequence;
  }

  @Override
  public String toString() {
    return "PutOptions{ttl=" + ttl + ", expectedSequence=" + expectedSequence + "}";
  }
}
