package dev.weir.cli;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * {@code weir shell [STORE]}: opens a store and runs the {@link Shell} on it, interactive on a
 * terminal, as a script otherwise. The store is opened from a DSN ({@link Weir#open}) so its
 * key-value and object views share one LSM; {@code :memory:} is {@value #MEMORY_DSN}, and a
 * directory (a STORE with no {@code scheme://}) is the durable store {@code
 * file://<absolute path>?bucket=default}. Opening one reads its log on Reactor's
 * boundedElastic threads; this, the main thread, waits for it, and closes it on the way out
 * (the log synced, the directory's lock released).
 * {@code --connect} uses a store that {@code weir serve} serves on the event bus instead, through
 * {@link BusConnection}, which alone (with {@link VertxNode}) names Vert.x classes: a plain shell
 * never loads them, and starts as fast as it did without them.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = "Run commands against a store: interactively on a terminal, or read them"
        + " from standard input (weir shell < script.txt), printing results only.")
final class ShellCommand implements Callable<Integer> {

  static final String MEMORY = ":memory:";

  /** The bucket a new in-memory store starts with, here and in {@code weir serve}. */
  static final String DEFAULT_BUCKET = "default";

  /** What {@code :memory:} opens: a fresh in-memory store with one bucket, {@code default}. */
  static final String MEMORY_DSN = "mem://memory?bucket=" + DEFAULT_BUCKET;

  private final Io io;
  private final Function<String, Mono<WeirStore>> opener;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STORE",
      defaultValue = MEMORY,
      description = "The store to open: :memory: (the default) is a new in-memory store with a"
          + " bucket named default; a directory such as ./data is a durable store there"
          + " (created if absent, with a bucket named default), kept across restarts; or a DSN"
          + " such as mem://name?bucket=photos or file:///path/to/dir"
          + " (see reactive-api/OBJECTS.md).")
  String store;

  @Mixin DurableOptions durable;

  @Option(
      names = "--keep-going",
      description = "In a script, run every line even after an error (exit code 1 if any failed).")
  boolean keepGoing;

  @Option(
      names = "--connect",
      paramLabel = "NAME",
      description = "Use the store served as NAME (weir serve --name NAME --cluster) on the"
          + " cluster, joining it as a client node: its keys and its objects, as on a local"
          + " store.")
  String connect;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      defaultValue = ClusterSettings.DEFAULT_NAME,
      description = "With --connect: the cluster to join (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--cluster-host", paramLabel = "HOST", defaultValue = ClusterSettings.LOOPBACK,
      description = "With --connect: the IP address this node binds (default: ${DEFAULT-VALUE}).")
  String clusterHost;

  @Option(names = "--members", paramLabel = "HOST:PORT", split = ",",
      defaultValue = ClusterSettings.LOOPBACK + ":" + ClusterSettings.DEFAULT_PORT,
      description = "With --connect: members to join through, comma-separated "
          + "(default: ${DEFAULT-VALUE}).")
  List<String> members;

  ShellCommand(Io io, Function<String, Mono<WeirStore>> opener) {
    this.io = io;
    this.opener = opener;
  }

  @Override
  public Integer call() throws IOException {
    StoreHandle opened = openStore();
    try {
      Session session = new Session(opened.kv(), opened.objects(),
          connect != null ? connect : store, opened.remote(), opened::tables);
      CommandTable commands = CommandTable.standard();
      if (io.terminal()) {
        try (TerminalLines lines = TerminalLines.open(commands, session)) {
          session.interrupts(lines);
          Pager pager = lines.pager();
          PrintWriter out = new PrintWriter(pager);
          return new Shell(session, commands, out, out, pager).run(lines, true, keepGoing);
        }
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
      PrintWriter out = writer(io, false);
      PrintWriter err = writer(io, true);
      return new Shell(session, commands, out, err).run(LineSource.of(in), false, keepGoing);
    } finally {
      opened.close();
    }
  }

  private StoreHandle openStore() {
    if (connect != null) {
      return connectStore();
    }
    for (String option : new String[] {"--cluster-name", "--cluster-host", "--members"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(spec.commandLine(), option + " needs --connect");
      }
    }
    String dsn = dsn();
    try {
      return StoreHandle.local(Await.value(opener.apply(dsn)));
    } catch (RuntimeException e) {
      // A bad DSN is the command line's mistake; a locked or damaged directory is not.
      throw new CommandFailure("cannot open store '" + store + "': " + Shell.describe(e)
          + DurableOptions.advice(e), Exceptions.unwrap(e) instanceof InvalidArgumentException
              ? spec.exitCodeOnInvalidInput() : Shell.FAILED);
    }
  }

  /**
   * The DSN that STORE names: {@code :memory:}'s, a DSN as given, or a directory's, {@code
   * file://<absolute path>?bucket=default}, with the durable store options added.
   */
  private String dsn() {
    boolean file = store.startsWith("file://");
    if (MEMORY.equals(store) || (store.contains("://") && !file)) {
      requireNoDurableOptions();
      return MEMORY.equals(store) ? MEMORY_DSN : store;
    }
    try {
      durable.syncPolicy(); // refused here, as the usage error it is, before anything opens
    } catch (InvalidArgumentException e) {
      throw new ParameterException(spec.commandLine(), "bad --sync: " + e.getMessage());
    }
    if (file) {
      return durable.addTo(store);
    }
    Path dir;
    try {
      dir = Path.of(store).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ParameterException(spec.commandLine(),
          "bad directory '" + store + "': " + e.getMessage());
    }
    // Encoded, since the DSN decodes its path: a '+', '%' or '?' in a name stays itself.
    String path = URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8).replace("%2F", "/");
    return durable.addTo("file://" + path + "?bucket=" + DEFAULT_BUCKET);
  }

  private void requireNoDurableOptions() {
    if (durable.given()) {
      throw new ParameterException(spec.commandLine(),
          (durable.sync != null ? "--sync" : "--salvage")
              + " needs a durable store: a directory or a file:// DSN");
    }
  }

  private StoreHandle connectStore() {
    if (spec.commandLine().getParseResult().hasMatchedPositional(0)) {
      throw new ParameterException(spec.commandLine(),
          "give a STORE or --connect NAME, not both");
    }
    requireNoDurableOptions(); // the server's store: weir serve --dir sets them
    ClusterSettings cluster;
    try {
      // Port 0: any free port; this node is found through the members it joins.
      cluster = new ClusterSettings(clusterName, clusterHost, 0,
          ClusterSettings.parseMembers(members));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      return BusConnection.connect(cluster, connect);
    } catch (RuntimeException e) {
      throw new CommandFailure("cannot connect to store '" + connect + "': " + Shell.describe(e),
          spec.exitCodeOnInvalidInput());
    }
  }

  private static PrintWriter writer(Io io, boolean error) {
    // UTF-8 whatever the platform default: keys and values are UTF-8 text.
    return new PrintWriter(
        new OutputStreamWriter(error ? io.err() : io.out(), StandardCharsets.UTF_8), false);
  }

  static Function<String, Mono<WeirStore>> defaultOpener() {
    return Weir::open;
  }
}
