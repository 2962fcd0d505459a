package dev.weir.cli;

import dev.weir.engine.EngineConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weir serve}: a store, in memory or with {@code --dir} durable, on the Vert.x event
 * bus, for {@code weir shell
 * --connect} or any {@code EventBusStore} and {@code EventBusObjectStore}, until SIGINT or
 * SIGTERM. Parses and checks its options only; the node is {@link Server}'s, so that picocli,
 * which inspects this class for every command line, never loads a Vert.x class.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a store, its keys and its objects, on the Vert.x event bus until SIGINT"
          + " or SIGTERM, then shut down in order.",
      "The store is in memory, its data lost when the server stops, unless --dir names a"
          + " directory: then it is durable there (created if absent), and a server started"
          + " again on it serves the same data. It has a bucket named default, as weir shell"
          + " :memory: does; its addresses start with weir.NAME. With --cluster, other"
          + " processes reach it through a Hazelcast cluster (TCP join, multicast off) on the"
          + " loopback interface unless --host says otherwise."
    })
final class ServeCommand implements Callable<Integer> {

  private final Io io;

  @Spec CommandSpec spec;

  @Option(names = "--name", paramLabel = "STORE", defaultValue = "weir",
      description = "The name clients connect to (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--cluster",
      description = "Join a Hazelcast cluster, so other processes can use the store.")
  boolean cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      defaultValue = ClusterSettings.DEFAULT_NAME,
      description = "The cluster to form or join (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--host", defaultValue = ClusterSettings.LOOPBACK,
      description = "The IP address the node binds (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "" + ClusterSettings.DEFAULT_PORT,
      description = "The Hazelcast port the node binds (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--members", paramLabel = "HOST:PORT", split = ",",
      description = "Other members to join through, comma-separated (default: none, a new "
          + "cluster unless others join this one).")
  List<String> members = List.of();

  @Option(names = "--max-memory", paramLabel = "BYTES",
      description = "The store's memory budget: 67108864, 512KiB, 64MiB, 1GiB"
          + " (default: half the JVM's max heap).")
  String maxMemory;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Serve the durable store in this directory (created if absent) rather than"
          + " a new in-memory one: every write the store acknowledges is in its log there, and"
          + " survives the server's exit (one process at a time may open it).")
  Path dir;

  @Mixin DurableOptions durable;

  ServeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    EngineConfig config = config();
    ClusterSettings settings = clusterSettings();
    if (settings != null) {
      requireFreePort(settings);
    }
    return new Server(name, config, settings, io.out(), io.err()).run();
  }

  /**
   * Hazelcast finds a taken port only as it starts, and then it and Vert.x log their stack
   * traces before the join fails: checked first, a taken port is one line. (Taken in between,
   * the join still fails, only more loudly.)
   */
  private void requireFreePort(ClusterSettings settings) {
    if (settings.port() == 0) {
      return; // any free port
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(settings.host(), settings.port()));
    } catch (IOException e) {
      throw new CommandFailure("cannot serve " + name + ": cannot bind " + settings.host() + ":"
          + settings.port() + " (" + e.getMessage() + "); is another weir serve running there?"
          + " Choose another --port", Server.FAILED);
    }
  }

  private ClusterSettings clusterSettings() {
    if (!cluster) {
      for (String option : new String[] {"--cluster-name", "--host", "--port", "--members"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw usage(option + " needs --cluster");
        }
      }
      return null;
    }
    if (port < 0 || port > 65_535) {
      throw usage("bad --port " + port);
    }
    try {
      return new ClusterSettings(clusterName, host, port, ClusterSettings.parseMembers(members));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private EngineConfig config() {
    if (name.isBlank() || name.contains("*")) {
      throw usage("bad store name '" + name + "'");
    }
    if (dir == null && durable.given()) {
      throw usage((durable.sync != null ? "--sync" : "--salvage") + " needs --dir");
    }
    try {
      EngineConfig.Builder b = EngineConfig.defaults().toBuilder().name(name);
      if (maxMemory != null) {
        b.maxMemoryBytes(Args.size(maxMemory, "--max-memory"));
      }
      if (dir != null) {
        durable.applyTo(b, dir.toAbsolutePath().normalize());
      }
      return b.build();
    } catch (RuntimeException e) {
      throw usage(Shell.describe(e));
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
