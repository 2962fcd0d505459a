package dev.weir.vertx;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x instances for tests: a local one, or clustered nodes of a Hazelcast cluster on
 * loopback (TCP join, multicast off, a cluster name and port range of their own so parallel
 * builds on one machine never meet). Starting a node is slow, so test classes share them.
 */
final class Nodes {

  static final Duration GUARD = Duration.ofSeconds(60);

  private Nodes() {}

  static Vertx local() {
    return Vertx.vertx();
  }

  /** A cluster description; each {@link #start} joins one more node to it. */
  static final class Cluster {
    private final String name = "weir-test-" + UUID.randomUUID();
    private final java.util.Map<Vertx, HazelcastClusterManager> managers =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final int basePort = 20_000 + ThreadLocalRandom.current().nextInt(2_000) * 10;

    Vertx start() {
      Config hz = ConfigUtil.loadConfig();
      hz.setClusterName(name);
      hz.setProperty("hazelcast.phone.home.enabled", "false");
      hz.setProperty("hazelcast.wait.seconds.before.join", "0");
      hz.setProperty("hazelcast.max.wait.seconds.before.join", "0");
      hz.setProperty("hazelcast.logging.type", "jdk");
      hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
      hz.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
      hz.setProperty("hazelcast.graceful.shutdown.max.wait", "1");
      hz.setProperty("hazelcast.shutdownhook.enabled", "false");
      NetworkConfig net = hz.getNetworkConfig();
      net.setPort(basePort).setPortAutoIncrement(true).setPortCount(4);
      net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
      JoinConfig join = net.getJoin();
      join.getMulticastConfig().setEnabled(false);
      join.getAutoDetectionConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
      for (int p = basePort; p < basePort + 4; p++) {
        join.getTcpIpConfig().addMember("127.0.0.1:" + p);
      }
      VertxOptions options = new VertxOptions().setEventBusOptions(
          new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1"));
      HazelcastClusterManager manager = new HazelcastClusterManager(hz);
      Vertx node =
          await(Vertx.builder().with(options).withClusterManager(manager).buildClustered());
      managers.put(node, manager);
      return node;
    }

    /**
     * Loses a node the way a crash does: its Hazelcast member is terminated at once (no
     * graceful leave), then its Vert.x is closed without waiting.
     */
    void kill(Vertx node) {
      managers.remove(node).getHazelcastInstance().getLifecycleService().terminate();
      node.close();
    }

    /**
     * Ends the whole cluster for cleanup: members terminated first (a graceful leave waits for
     * partition migrations that a finished test does not need, and once hung a build), then
     * each Vert.x closed with a bounded wait whose outcome does not matter.
     */
    void stopAll() {
      List<Vertx> nodes = new ArrayList<>(managers.keySet());
      for (Vertx node : nodes) {
        managers.remove(node).getHazelcastInstance().getLifecycleService().terminate();
      }
      for (Vertx node : nodes) {
        try {
          node.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // the members are gone; a close that does not finish only leaves idle threads
        }
      }
    }
  }

  /** Closes nodes together: one by one, each waits for the cluster to rebalance. */
  static void closeAll(Vertx... nodes) {
    java.util.List<Future<Void>> closing = new java.util.ArrayList<>();
    for (Vertx n : nodes) {
      closing.add(n.close());
    }
    await(Future.all(closing));
  }

  /** The failure of {@code f}, which must fail. */
  static Throwable awaitFailure(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }

  /** Blocks the test thread (never an event loop) for a Vert.x future. */
  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(GUARD.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
