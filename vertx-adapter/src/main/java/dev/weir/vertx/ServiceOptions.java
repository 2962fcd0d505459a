package dev.weir.vertx;

import java.time.Duration;
import java.util.Objects;

/**
 * How a store is served: the address prefix, the largest request accepted, how long a client's
 * snapshots, transactions and streams outlive its last sign of life, and how many items one
 * stream frame carries. Immutable; each {@code with} returns a copy.
 */
public final class ServiceOptions {

  private final String prefix;
  private final int maxRequestBytes;
  private final Duration leaseTimeout;
  private final int maxFrameItems;

  private ServiceOptions(String prefix, int maxRequestBytes, Duration leaseTimeout,
      int maxFrameItems) {
    this.prefix = prefix;
    this.maxRequestBytes = maxRequestBytes;
    this.leaseTimeout = leaseTimeout;
    this.maxFrameItems = maxFrameItems;
  }

  /** Prefix {@code weir}, requests up to 16 MiB, 30 s leases, 128 items a frame. */
  public static ServiceOptions defaults() {
    return new ServiceOptions("weir", 16 << 20, Duration.ofSeconds(30), 128);
  }

  public ServiceOptions withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new ServiceOptions(prefix, maxRequestBytes, leaseTimeout, maxFrameItems);
  }

  /** Requests whose keys and values add up to more are refused before they reach the store. */
  public ServiceOptions withMaxRequestBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1, was " + bytes);
    }
    return new ServiceOptions(prefix, bytes, leaseTimeout, maxFrameItems);
  }

  /**
   * A client silent for longer loses everything it holds open: its streams are cancelled, its
   * snapshots closed, its transactions rolled back. Clients renew well within it.
   */
  public ServiceOptions withLeaseTimeout(Duration timeout) {
    if (timeout == null || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("leaseTimeout must be at least 1 ms, was " + timeout);
    }
    return new ServiceOptions(prefix, maxRequestBytes, timeout, maxFrameItems);
  }

  public ServiceOptions withMaxFrameItems(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("maxFrameItems must be at least 1, was " + items);
    }
    return new ServiceOptions(prefix, maxRequestBytes, leaseTimeout, items);
  }

  public String prefix() {
    return prefix;
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  public Duration leaseTimeout() {
    return leaseTimeout;
  }

  public int maxFrameItems() {
    return maxFrameItems;
  }
}
