package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code weir serve --cluster} in a child JVM (this one's java and class path), on a free
 * loopback port and in a cluster of its own, so parallel builds never meet. Its standard
 * output is read line by line as it comes; waits have deadlines (hang guards), never sleeps.
 */
final class ServerProcess implements AutoCloseable {

  /** Hang guard for starting (a JVM and a Hazelcast member) and for stopping. */
  static final Duration GUARD = Duration.ofSeconds(60);

  private static final String EOF = "\u0000eof";

  final String store;
  final String cluster;
  final int port;
  private final List<String> options;
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ServerProcess(String store, Path dir, String cluster, int port, List<String> options)
      throws IOException {
    this.store = store;
    this.cluster = cluster;
    this.port = port;
    this.options = options;
    this.stderr = Files.createTempFile(dir, "serve-" + store + "-", ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        WeirCli.class.getName(), "serve", "--cluster", "--name", store, "--cluster-name",
        cluster, "--port", Integer.toString(port)));
    command.addAll(options);
    process = new ProcessBuilder(command)
        .redirectError(stderr.toFile())
        .start();
    Thread reader = new Thread(this::read, "serve-" + store + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a server and waits for its ready line; {@code options} go after the cluster's
   * (e.g. {@code --dir}). Its standard error goes to a file in {@code dir}.
   */
  static ServerProcess start(String store, Path dir, String... options) throws IOException {
    return start(store, dir, "weir-test-" + UUID.randomUUID(), freePort(), List.of(options));
  }

  /**
   * Starts a server that takes the place of {@code stopped}: the same store name, cluster and
   * port, as when an operator restarts {@code weir serve} with the same command line.
   */
  static ServerProcess restart(ServerProcess stopped, Path dir) throws IOException {
    return start(stopped.store, dir, stopped.cluster, stopped.port, stopped.options);
  }

  private static ServerProcess start(String store, Path dir, String cluster, int port,
      List<String> options) throws IOException {
    ServerProcess server = new ServerProcess(store, dir, cluster, port, options);
    try {
      server.awaitLine("ready: serving weir." + store + ".* on " + server.member());
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** What a shell passes to --members. */
  String member() {
    return "127.0.0.1:" + port;
  }

  /** Every line the server printed so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for a line starting with {@code prefix}; fails at the guard or at end of output. */
  String awaitLine(String prefix) {
    long deadline = System.nanoTime() + GUARD.toNanos();
    try {
      while (true) {
        String line = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null || line.equals(EOF)) {
          pending.add(EOF); // later waits end at once too
          fail((line == null ? "no line '" : "output ended without '") + prefix + "': "
              + lines + "\nstderr: " + stderrText());
        }
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * SIGTERM, then asserts the server exits 0 within the guard and printed its clean-shutdown
   * line. Sent through the process handle: {@code Process.destroy()} sends the same signal but
   * also closes this end of the server's output, which would lose the lines that follow.
   */
  void terminateCleanly() throws InterruptedException {
    assertTrue(process.toHandle().destroy(), "SIGTERM sent");
    assertTrue(process.waitFor(GUARD.toMillis(), TimeUnit.MILLISECONDS),
        "the server exits after SIGTERM: " + lines);
    awaitLine("stopped: ");
    assertEquals(0, process.exitValue(), lines + "\nstderr: " + stderrText());
    assertTrue(lines.contains("stopping (SIGTERM): refusing new requests, releasing what "
        + "clients hold"), lines.toString());
    assertTrue(lines.contains("stopped: " + store + " unbound, store closed, left the cluster"),
        lines.toString());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
        pending.add(line);
      }
    } catch (IOException e) {
      lines.add("(reading failed: " + e + ")");
    } finally {
      pending.add(EOF);
    }
  }

  private String stderrText() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly(); // a no-op after a clean exit; a failed test leaves no node
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
