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
          """, "shell", "--keep-going", "--connect", "users",
          "--cluster-name", server.cluster, "--members", server.member());

      assertEquals(new Run(0, """
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
          """, ""), run);
      server.terminateCleanly();
    }
  }

  /**
   * Keys, objects (buckets, single and multipart uploads, whole and ranged reads, listings,
   * copies, moves, deletions), compaction and the errors of each: a connected shell prints
   * what a local one prints, line for line, from the same fresh store (which starts with the
   * bucket default in both).
   */
  @Test
  void aConnectedShellPrintsWhatALocalOnePrints() throws Exception {
    Path hello = TestFiles.text("hello.txt", "hello, objects\n");
    String script = """
        put user:1 ada
        ls
        mb photos
        upload %1$s photos/
        upload %1$s photos/big.txt --part-size 4
        ls photos
        ls photos --recursive
        cat photos/hello.txt
        cat photos/big.txt 7 7
        head photos/big.txt
        cp photos/hello.txt default/copy.txt
        cp photos/big.txt photos/big-copy.txt
        mv photos/big.txt photos/large.txt
        rm photos/nothing.txt
        cat photos/big.txt
        rb photos
        du photos
        rm -r photos/
        rb photos
        rb photos
        ls
        count
        compact
        count
        get user:1
        """.formatted(hello);
    Run local = ShellDriver.script(script, "--keep-going");
    try (ServerProcess server = ServerProcess.start("media", dir)) {
      Run connected = ShellDriver.command(Weir::open, script, "shell", "--keep-going",
          "--connect", "media", "--cluster-name", server.cluster, "--members", server.member());

      assertEquals(withoutTimes(local), withoutTimes(connected));
      assertEquals(Shell.FAILED, connected.exitCode()); // --keep-going: the error lines failed
      assertEquals("""
          error: line 14: not found (object): no such object: photos/nothing.txt
          error: line 15: not found (object): no such object: photos/big.txt
          error: line 16: invalid argument: bucket photos holds 3 objects and 0 open uploads
          error: line 20: not found (bucket): no such bucket: photos
          """, connected.err());
      for (String line : List.of("made bucket photos",
          "uploaded photos/hello.txt: 15 bytes, etag ",
          "uploaded photos/big.txt: 15 bytes in 4 parts, etag ",
          "hello, objects", "objects", "copied photos/hello.txt to default/copy.txt (15 bytes)",
          "moved photos/big.txt to photos/large.txt", "deleted: 3", "removed bucket photos",
          "compacted: ")) {
        assertTrue(connected.out().lines().anyMatch(l -> l.startsWith(line)), line);
      }
      server.terminateCleanly();
    }
  }

  /**
   * {@code head} shows when an object was made, and simple puts' ETags name versions: neither
   * is shared by two stores.
   */
  private static Run withoutTimes(Run run) {
    return new Run(run.exitCode(),
        Transcripts.withoutVersionEtags(run.out().replaceAll("(?m)^created .*$", "created ...")),
        run.err());
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
    assertTrue(run.err().startsWith("error: cannot connect to store 'nobody': not served on the"
        + " cluster " + cluster + " (members " + nowhere + "): store closed: "), run.err());
    assertEquals(1, run.err().lines().count(), "one line, not the usage: " + run.err());
    assertEquals("", run.out());
  }
}
