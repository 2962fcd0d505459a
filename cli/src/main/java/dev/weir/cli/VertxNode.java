package dev.weir.cli;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;

/**
 * A Vert.x instance for {@code serve} and {@code shell --connect}: clustered through Hazelcast,
 * or local to this process. The only class besides {@link Server} and {@link BusConnection}
 * that names Vert.x or Hazelcast types, so a plain {@code weir shell} never loads them.
 */
final class VertxNode {

  /** Joining runs Hazelcast's discovery; a bound so an unreachable cluster cannot hang us. */
  static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

  // Held: the JDK keeps loggers weakly, and a collected one forgets its level.
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
  // Warnings about this JVM's flags and Hazelcast features Vert.x does not use: noise.
  private static final Logger MODULES_LOG =
      Logger.getLogger("com.hazelcast.instance.impl.HazelcastInstanceFactory");
  private static final Logger CP_LOG = Logger.getLogger("com.hazelcast.cp.CPSubsystem");
  // A member that left (a shell that exited) is retried a few times, each a warning; a member
  // that is really lost still shows as "suspected to be dead".
  private static final Logger PEER_GONE_LOG =
      Logger.getLogger("com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler");

  final Vertx vertx;
  private final HazelcastClusterManager manager; // null when local
  private final ClusterSettings settings;

  private VertxNode(Vertx vertx, HazelcastClusterManager manager, ClusterSettings settings) {
    this.vertx = vertx;
    this.manager = manager;
    this.settings = settings;
  }

  static VertxNode local() {
    return new VertxNode(Vertx.vertx(), null, null);
  }

  /**
   * Joins the cluster; waits on this thread, which must not be an event loop. Hazelcast
   * narrates membership at INFO on stderr: a server shows its warnings, a {@code quiet} node
   * (a shell's, whose stderr is the user's terminal) only its errors.
   */
  static VertxNode join(ClusterSettings settings, boolean quiet) {
    HAZELCAST_LOG.setLevel(quiet ? Level.SEVERE : Level.WARNING);
    MODULES_LOG.setLevel(Level.SEVERE);
    CP_LOG.setLevel(Level.SEVERE);
    PEER_GONE_LOG.setLevel(Level.SEVERE);
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings));
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
        .setHost(settings.host()).setClusterPublicHost(settings.host()));
    Vertx vertx = await(
        Vertx.builder().with(options).withClusterManager(manager).buildClustered(),
        JOIN_TIMEOUT);
    return new VertxNode(vertx, manager, settings);
  }

  /**
   * Vert.x's default cluster config (its maps and locks) with the network pinned down: bind to
   * {@code host}, TCP join through the members, no multicast or auto-detection, quick joins and
   * heartbeats (members on one machine or a LAN), and no Hazelcast shutdown hook: the command
   * closes Vert.x, which leaves the cluster in order.
   */
  private static Config hazelcast(ClusterSettings s) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(s.name());
    hz.setProperty("hazelcast.logging.type", "jdk");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    hz.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A shell on another host than its server finds a restarted server only by a merge; look
    // every few seconds, not after five minutes (see ClusterSettings).
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    NetworkConfig net = hz.getNetworkConfig();
    int shellPort = s.shellFirstPort() == 0 ? 0
        : firstFreePort(s.host(), s.shellFirstPort(), ClusterSettings.NEIGHBOUR_PORTS);
    if (shellPort > 0) {
      // a shell started with another at once may lose this port to it: take the next
      net.setPort(shellPort).setPortAutoIncrement(true)
          .setPortCount(s.shellFirstPort() + ClusterSettings.NEIGHBOUR_PORTS - shellPort);
    } else {
      // A server's port is what clients were told: taken means fail, not drift to the next.
      net.setPort(s.port()).setPortAutoIncrement(false);
    }
    net.getInterfaces().setEnabled(true).addInterface(s.host());
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
    s.members().forEach(join.getTcpIpConfig()::addMember);
    s.neighbours().forEach(join.getTcpIpConfig()::addMember);
    return hz;
  }

  /** The first port of {@code count} from {@code first} free on {@code host}; 0 (any) if none. */
  private static int firstFreePort(String host, int first, int count) {
    for (int p = first; p < first + count; p++) {
      try (ServerSocket probe = new ServerSocket(p, 1, InetAddress.getByName(host))) {
        return p;
      } catch (IOException taken) {
        // try the next one
      }
    }
    return 0;
  }

  boolean clustered() {
    return manager != null;
  }

  String nodeId() {
    return manager == null ? "local" : manager.getNodeId();
  }

  /** Where other nodes send this node's event-bus messages. */
  String eventBusAddress() {
    NodeInfo info = manager.getNodeInfo();
    return info.host() + ":" + info.port();
  }

  /** The Hazelcast member's address, which other nodes name in their members list. */
  String clusterAddress() {
    var address = manager.getHazelcastInstance().getCluster().getLocalMember().getAddress();
    return address.getHost() + ":" + address.getPort();
  }

  String clusterName() {
    return settings == null ? "" : settings.name();
  }

  /** Closes Vert.x, leaving the cluster; waits at most {@code bound}. */
  void close(Duration bound) {
    await(vertx.close(), bound);
  }

  /** Waits for a Vert.x future on this thread, which must not be an event loop. */
  static <T> T await(Future<T> future, Duration bound) {
    return Await.value(Mono.fromCompletionStage(future.toCompletionStage()), bound);
  }
}
