package dev.weir.vertx;

import static dev.weir.vertx.OptionChecks.atLeastOne;
import static dev.weir.vertx.OptionChecks.atLeastOneMilli;

import dev.weir.table.TableStoreOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a store is served: the address prefix, the largest request accepted, how long a client's
 * snapshots, transactions, streams and uploads outlive its last sign of life, how much one
 * stream frame carries, how far an object upload may run ahead of the store, and the clock of
 * its tables. Immutable;
 * each {@code with} returns a copy.
 */
public final class ServiceOptions {

  private String prefix = "weir";
  private int maxRequestBytes = 16 << 20;
  private Duration leaseTimeout = Duration.ofSeconds(30);
  private int maxFrameItems = 128;
  private int maxFrameBytes = 1 << 20;
  private int maxUploadWindow = 8;
  private long maxObjectBytes = Long.MAX_VALUE;
  private TableStoreOptions tableOptions = TableStoreOptions.defaults();

  private ServiceOptions() {}

  /**
   * Prefix {@code weir}, requests (and upload chunks) up to 16 MiB, 30 s leases, 128 items or
   * 1 MiB of object content a frame, 8 upload chunks in flight, objects of any size.
   */
  public static ServiceOptions defaults() {
    return new ServiceOptions();
  }

  private ServiceOptions copy() {
    ServiceOptions c = new ServiceOptions();
    c.prefix = prefix;
    c.maxRequestBytes = maxRequestBytes;
    c.leaseTimeout = leaseTimeout;
    c.maxFrameItems = maxFrameItems;
    c.maxFrameBytes = maxFrameBytes;
    c.maxUploadWindow = maxUploadWindow;
    c.maxObjectBytes = maxObjectBytes;
    c.tableOptions = tableOptions;
    return c;
  }

  public ServiceOptions withPrefix(String prefix) {
    ServiceOptions c = copy();
    c.prefix = Objects.requireNonNull(prefix, "prefix");
    return c;
  }

  /**
   * Requests whose keys and values add up to more are refused before they reach the store. An
   * object upload arrives in chunks, each one request: clients cut their chunks to this size.
   */
  public ServiceOptions withMaxRequestBytes(int bytes) {
    ServiceOptions c = copy();
    c.maxRequestBytes = atLeastOne("maxRequestBytes", bytes);
    return c;
  }

  /**
   * A client silent for longer loses everything it holds open: its streams are cancelled, its
   * snapshots closed, its transactions rolled back, its uploads aborted (storing nothing).
   * Clients renew well within it.
   */
  public ServiceOptions withLeaseTimeout(Duration timeout) {
    ServiceOptions c = copy();
    c.leaseTimeout = atLeastOneMilli("leaseTimeout", timeout);
    return c;
  }

  public ServiceOptions withMaxFrameItems(int items) {
    ServiceOptions c = copy();
    c.maxFrameItems = atLeastOne("maxFrameItems", items);
    return c;
  }

  /**
   * Object content, or table items (by their DynamoDB size), a stream frame carries at most; a
   * piece or item larger than this (a store chunk is never cut) travels alone.
   */
  public ServiceOptions withMaxFrameBytes(int bytes) {
    ServiceOptions c = copy();
    c.maxFrameBytes = atLeastOne("maxFrameBytes", bytes);
    return c;
  }

  /**
   * Chunks one upload may have sent and not yet taken by the store; a client asking for more is
   * granted this many. Bounds what an upload holds on the service to this many chunks.
   */
  public ServiceOptions withMaxUploadWindow(int chunks) {
    ServiceOptions c = copy();
    c.maxUploadWindow = atLeastOne("maxUploadWindow", chunks);
    return c;
  }

  /** An upload (a put or a part) whose content grows past this is aborted, storing nothing. */
  public ServiceOptions withMaxObjectBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("maxObjectBytes must not be negative, was " + bytes);
    }
    ServiceOptions c = copy();
    c.maxObjectBytes = bytes;
    return c;
  }

  /**
   * How the served tables keep time: the clock of TTL and the scheduler and interval of the
   * background TTL sweep (see {@link TableStoreOptions}); by default the parallel scheduler and
   * a sweep each second.
   */
  public ServiceOptions withTableOptions(TableStoreOptions options) {
    ServiceOptions c = copy();
    c.tableOptions = Objects.requireNonNull(options, "options");
    return c;
  }

  public TableStoreOptions tableOptions() {
    return tableOptions;
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

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public int maxUploadWindow() {
    return maxUploadWindow;
  }

  public long maxObjectBytes() {
    return maxObjectBytes;
  }
}
