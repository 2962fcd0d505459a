package dev.weir.vertx;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client reaches a store: the address prefix (the service's), how long a request may go
 * unanswered, how many stream items it lets the service send ahead of its subscriber (the
 * credit window), and how often it renews its lease on what it holds open (well within the
 * service's lease timeout). Immutable; each {@code with} returns a copy.
 */
public final class ClientOptions {

  private final String prefix;
  private final Duration requestTimeout;
  private final int window;
  private final Duration renewInterval;

  private ClientOptions(String prefix, Duration requestTimeout, int window,
      Duration renewInterval) {
    this.prefix = prefix;
    this.requestTimeout = requestTimeout;
    this.window = window;
    this.renewInterval = renewInterval;
  }

  /** Prefix {@code weir}, 10 s request timeout, a window of 512 items, renewal every 10 s. */
  public static ClientOptions defaults() {
    return new ClientOptions("weir", Duration.ofSeconds(10), 512, Duration.ofSeconds(10));
  }

  public ClientOptions withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new ClientOptions(prefix, requestTimeout, window, renewInterval);
  }

  /** An unanswered request fails with a {@code WeirException} of code {@code TIMEOUT}. */
  public ClientOptions withRequestTimeout(Duration timeout) {
    if (timeout == null || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("requestTimeout must be at least 1 ms, was " + timeout);
    }
    return new ClientOptions(prefix, timeout, window, renewInterval);
  }

  /** At most this many items of one stream are in flight or buffered, whatever was requested. */
  public ClientOptions withWindow(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("window must be at least 1, was " + items);
    }
    return new ClientOptions(prefix, requestTimeout, items, renewInterval);
  }

  public ClientOptions withRenewInterval(Duration interval) {
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("renewInterval must be at least 1 ms, was " + interval);
    }
    return new ClientOptions(prefix, requestTimeout, window, interval);
  }

  public String prefix() {
    return prefix;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int window() {
    return window;
  }

  public Duration renewInterval() {
    return renewInterval;
  }
}
