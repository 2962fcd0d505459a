package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.WeirException;
import dev.weir.reactive.Weir;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

/**
 * {@code weir serve} and {@code weir shell --connect} across two processes on loopback: the
 * server is a child JVM; the shell runs in this one, joining the cluster as a client node.
 */
class ServeConnectTest {

  @TempDir Path dir;

  @Test
  void aShellUsesAStoreServedByAnotherProcess() throws Exception {
    try (ServerProcess server = ServerProcess.start("users", dir)) {
      Run run = ShellDriver.command(Weir::open, """
          put user:1 ada
          put user:2 grace
          get user:1
          scan user:
          del user:2
          get user:2
          count
          ls
          """, "shell", "--keep-going", "--connect", "users",
          "--cluster-name", server.cluster, "--members", server.member());

      assertEquals("""
          OK
          OK
          ada
          +--------+-------+
          | key    | value |
          +--------+-------+
          | user:1 | ada   |
          | user:2 | grace |
          +--------+-------+
          2 entries
          deleted: 1
          (nil)
          count: 1
          """, run.out(), run.err());
      assertEquals("error: line 8: objects are not available over the event bus yet (store "
          + "users is on the cluster " + server.cluster + "); key-value commands work\n",
          run.err());
      assertEquals(Shell.FAILED, run.exitCode()); // --keep-going: the ls line failed
      server.terminateCleanly();
    }
  }

  @Test
  void aWatchOpenWhenTheServerStopsFailsWithATypedError() throws Exception {
    try (ServerProcess server = ServerProcess.start("orders", dir)) {
      StoreHandle client = BusConnection.connect(new ClusterSettings(server.cluster,
          ClusterSettings.LOOPBACK, 0, List.of(server.member())), "orders");
      try {
        Await.value(client.kv().put(Bytes.utf8("order:1"), Bytes.utf8("pending")));
        CompletableFuture<ChangeEvent> first = new CompletableFuture<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        // From sequence 1: the replayed put proves the stream is open on the server.
        Disposable watch = client.kv().watch(Bytes.utf8("order:"), 1).subscribe(
            first::complete, ended::complete, () -> ended.complete(null));
        try {
          assertEquals(Bytes.utf8("order:1"),
              first.get(ServerProcess.GUARD.toMillis(), TimeUnit.MILLISECONDS).key());

          server.terminateCleanly();

          Throwable e = ended.get(ServerProcess.GUARD.toMillis(), TimeUnit.MILLISECONDS);
          assertInstanceOf(WeirException.class, e, "a typed error, not completion or a hang");
          assertTrue(Shell.describe(e).startsWith("store closed"), Shell.describe(e));
        } finally {
          watch.dispose();
        }
      } finally {
        client.close();
      }
    }
  }

  @Test
  void aStoreNobodyServesIsOneUsageError() {
    String cluster = "weir-test-" + UUID.randomUUID();
    String nowhere = "127.0.0.1:" + ServerProcess.freePort(); // nobody listens there
    Run run = ShellDriver.command(Weir::open, "get a\n",
        "shell", "--connect", "nobody", "--cluster-name", cluster, "--members", nowhere);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("cannot connect to store 'nobody': not served on the cluster "
        + cluster + " (members " + nowhere + "): store closed: "), run.err());
    assertEquals("", run.out());
  }
}
