package dev.weir.vertx;

import static dev.weir.vertx.OptionChecks.atLeastOne;
import static dev.weir.vertx.OptionChecks.atLeastOneMilli;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client reaches a store: the address prefix (the service's), how long a request may go
 * unanswered, how many stream items it lets the service send ahead of its subscriber (the
 * credit window; object reads have their own, counted in pieces of content), how far an object
 * upload runs ahead of the store, and how often it renews its lease on what it holds open (well
 * within the service's lease timeout). Immutable; each {@code with} returns a copy.
 */
public final class ClientOptions {

  private String prefix = "weir";
  private Duration requestTimeout = Duration.ofSeconds(10);
  private int window = 512;
  private Duration renewInterval = Duration.ofSeconds(10);
  private int readWindow = 8;
  private int uploadWindow = 4;
  private int uploadChunkBytes = 1 << 20;

  private ClientOptions() {}

  /**
   * Prefix {@code weir}, 10 s request timeout, a window of 512 items, renewal every 10 s; object
   * reads with a window of 8 pieces, uploads in chunks of 1 MiB with 4 in flight.
   */
  public static ClientOptions defaults() {
    return new ClientOptions();
  }

  private ClientOptions copy() {
    ClientOptions c = new ClientOptions();
    c.prefix = prefix;
    c.requestTimeout = requestTimeout;
    c.window = window;
    c.renewInterval = renewInterval;
    c.readWindow = readWindow;
    c.uploadWindow = uploadWindow;
    c.uploadChunkBytes = uploadChunkBytes;
    return c;
  }

  public ClientOptions withPrefix(String prefix) {
    ClientOptions c = copy();
    c.prefix = Objects.requireNonNull(prefix, "prefix");
    return c;
  }

  /**
   * An unanswered request fails with a {@code WeirException} of code {@code TIMEOUT}; so does a
   * stream that does not open in this time, or (but for a watch) whose service sends no frame
   * for this long while it owes items the client granted. A subscriber that requests nothing
   * owes nothing, so it may take as long as it likes.
   */
  public ClientOptions withRequestTimeout(Duration timeout) {
    ClientOptions c = copy();
    c.requestTimeout = atLeastOneMilli("requestTimeout", timeout);
    return c;
  }

  /** At most this many items of one stream are in flight or buffered, whatever was requested. */
  public ClientOptions withWindow(int items) {
    ClientOptions c = copy();
    c.window = atLeastOne("window", items);
    return c;
  }

  public ClientOptions withRenewInterval(Duration interval) {
    ClientOptions c = copy();
    c.renewInterval = atLeastOneMilli("renewInterval", interval);
    return c;
  }

  /**
   * At most this many pieces of an object's content (one stored chunk each, 1 MiB by default)
   * are in flight or buffered for one read, whatever was requested.
   */
  public ClientOptions withReadWindow(int pieces) {
    ClientOptions c = copy();
    c.readWindow = atLeastOne("readWindow", pieces);
    return c;
  }

  /**
   * At most this many chunks of one upload are sent and not yet taken by the store (the service
   * may grant fewer); the content is read from its source no faster.
   */
  public ClientOptions withUploadWindow(int chunks) {
    ClientOptions c = copy();
    c.uploadWindow = atLeastOne("uploadWindow", chunks);
    return c;
  }

  /**
   * The size an upload's content is cut into (smaller if the service accepts less): small
   * buffers are gathered, large ones cut.
   */
  public ClientOptions withUploadChunkBytes(int bytes) {
    ClientOptions c = copy();
    c.uploadChunkBytes = atLeastOne("uploadChunkBytes", bytes);
    return c;
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

  public int readWindow() {
    return readWindow;
  }

  public int uploadWindow() {
    return uploadWindow;
  }

  public int uploadChunkBytes() {
    return uploadChunkBytes;
  }
}
