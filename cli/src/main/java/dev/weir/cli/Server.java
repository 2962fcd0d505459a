package dev.weir.cli;

import dev.weir.engine.ByteSize;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.ServiceOptions;
import dev.weir.vertx.StoreBinding;
import dev.weir.vertx.StoreService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code weir serve} runs: a store (in memory, or durable when the config names a
 * directory), its key-value and object views, served on
 * the event bus of a Vert.x node until SIGINT or SIGTERM, then a shutdown in order, each step
 * bounded so none can hang the process: unbind (no new requests reach the store; the
 * snapshots, transactions, streams and uploads clients hold are released, and their clients'
 * next lease renewal fails them with a typed error), close the store (writes in flight
 * complete or fail), close Vert.x (leave the cluster). Requests sent after the unbind find no handler and fail at once on the client.
 *
 * <p>Waits on the main thread, never on an event loop.
 */
final class Server {

  /** Each shutdown step gets this long; a hang guard, not an expectation. */
  static final Duration STEP_BOUND = Duration.ofSeconds(10);

  /** The exit code of a server that could not start or stop cleanly. */
  static final int FAILED = 1;

  private final String name;
  private final EngineConfig config;
  private final ClusterSettings cluster; // null: a local event bus only
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Boolean> stopped = new CompletableFuture<>();
  private volatile String reason = "shutdown";
  private volatile VertxNode node;
  private volatile ReactiveStore store;
  private volatile StoreBinding binding;

  Server(String name, EngineConfig config, ClusterSettings cluster, PrintStream out,
      PrintStream err) {
    this.name = name;
    this.config = config;
    this.cluster = cluster;
    this.out = out;
    this.err = err;
  }

  /** Serves until a stop signal; returns the exit code (0 after a clean shutdown). */
  int run() throws InterruptedException {
    // Before starting: a signal during the (seconds-long) cluster join still stops us.
    Signals.onStop(this::requestStop);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "weir-serve-shutdown"));
    try {
      start();
    } catch (RuntimeException e) {
      err.println("error: cannot serve " + name + ": " + Shell.describe(e)
          + DurableOptions.advice(e));
      err.flush();
      reason = "start failed";
      stop(); // whatever did start (a node in the cluster) must not outlive the command
      return FAILED;
    }
    stopRequested.await();
    return stop() ? 0 : FAILED;
  }

  private void requestStop(String why) {
    reason = why;
    stopRequested.countDown();
  }

  private void start() {
    // The store first: a directory another process holds fails at once, before a join.
    // A durable store is opened (its log read) on boundedElastic; this thread waits.
    store = config.isDurable() ? Await.value(Weir.open(config)) : Weir.inMemory(config);
    node = cluster == null ? VertxNode.local() : VertxNode.join(cluster, false);
    // The same store a local shell opens as :memory:, so a connected shell sees the same one.
    ObjectStore objects = ObjectStore.over(store);
    Await.value(objects.createBucket(ShellCommand.DEFAULT_BUCKET));
    binding = VertxNode.await(
        StoreService.bind(node.vertx, store, objects, name, ServiceOptions.defaults()),
        VertxNode.JOIN_TIMEOUT);
    String addresses = binding.address("*");
    say("weir serve: store " + name + (config.isDurable()
            ? " durable in " + config.directory() + " (sync " + config.syncPolicy()
                + "; its data survives a restart)"
            : " in memory (its data is lost on exit)")
        + ", max memory " + ByteSize.format(config.maxMemoryBytes())
        + (config.maxMemoryBytesIsDefault() ? " (half the JVM's max heap; set --max-memory)" : ""));
    say("addresses: " + addresses + " (e.g. " + binding.address("get") + "), objects at "
        + binding.address("object.*") + " (a bucket named " + ShellCommand.DEFAULT_BUCKET
        + ")");
    if (node.clustered()) {
      say("node: " + node.nodeId() + ", event bus at " + node.eventBusAddress());
      say("cluster: " + cluster.name() + ", member at " + node.clusterAddress()
          + " (TCP join, multicast off"
          + (cluster.members().isEmpty() ? "" : ", members " + String.join(",",
              cluster.members())) + ")");
      say("ready: serving " + addresses + " on " + node.clusterAddress()
          + " (weir shell --connect " + name + " --cluster-name " + cluster.name()
          + " --members " + node.clusterAddress() + ")");
    } else {
      say("node: local, not clustered: only this process can reach the store (use --cluster)");
      say("ready: serving " + addresses + " on the local event bus");
    }
  }

  /**
   * Shuts down in order, once; a second caller (the shutdown hook, when the main thread
   * already did it) waits for the first. Returns whether every step succeeded.
   */
  private boolean stop() {
    if (!stopping.compareAndSet(false, true)) {
      try {
        return stopped.get(3 * STEP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        return false;
      }
    }
    boolean clean = true;
    try {
      say("stopping (" + reason + "): refusing new requests, releasing what clients hold");
      if (binding != null) {
        clean &= step("unbind", () -> VertxNode.await(binding.unbind(), STEP_BOUND));
      }
      if (store != null) {
        clean &= step("close the store", () -> Await.value(store.close(), STEP_BOUND));
      }
      if (node != null) {
        clean &= step(node.clustered() ? "leave the cluster" : "close Vert.x",
            () -> node.close(STEP_BOUND));
      }
      say(clean
          ? "stopped: " + name + " unbound, store closed"
              + (node != null && node.clustered() ? ", left the cluster" : "")
          : "stopped with errors");
    } finally {
      stopped.complete(clean);
    }
    return clean;
  }

  private boolean step(String what, Runnable action) {
    try {
      action.run();
      return true;
    } catch (RuntimeException e) {
      err.println("error: cannot " + what + ": " + Shell.describe(e));
      err.flush();
      return false;
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush(); // a supervisor (or a test) waits for these lines, ready above all
  }
}
