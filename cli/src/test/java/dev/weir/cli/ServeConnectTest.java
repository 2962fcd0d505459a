package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.StoreReplacedException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.Weir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code weir serve} and {@code weir shell --connect} across two processes on loopback: the
 * server is a child JVM; the shell runs in this one, joining the cluster as a client node.
 */
class ServeConnectTest {

  /** Hang guard for a client to reach a restarted server; the cluster takes seconds. */
  private static final Duration REACH_GUARD = Duration.ofSeconds(30);

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
   * PartiQL typed in a connected shell runs on the served store's tables: a table made by one
   * connected shell is there for the next, whose INSERTs and SELECTs show the items as a local
   * shell does.
   */
  @Test
  void aConnectedShellRunsPartiqlOnAServedTable() throws Exception {
    String statements = """
        INSERT INTO orders VALUE {'pk': 'o1', 'item': 'tea', 'qty': 2};
        INSERT INTO orders VALUE {'pk': 'o2', 'item': 'cake', 'qty': 1,
                                  'tags': <<'sweet'>>};
        SELECT * FROM orders WHERE pk = 'o1';
        UPDATE orders SET qty = qty + 1 WHERE pk = 'o2' RETURNING MODIFIED NEW *;
        SELECT item, qty FROM orders WHERE qty >= 2;
        INSERT INTO orders VALUE {'pk': 'o1'};
        """;
    try (ServerProcess server = ServerProcess.start("shop", dir)) {
      String[] connect = {"shell", "--keep-going", "--connect", "shop", "--cluster-name",
          server.cluster, "--members", server.member()};
      assertEquals(new Run(0, "created table orders\n", ""),
          ShellDriver.command(Weir::open, "table create orders pk:S\n", connect));
      Run connected = ShellDriver.command(Weir::open, statements, connect);

      assertEquals(new Run(Shell.FAILED, """
          OK
          OK
          +----+------+-----+
          | pk | item | qty |
          +----+------+-----+
          | o1 | tea  |   2 |
          +----+------+-----+
          1 item
          +-----+
          | qty |
          +-----+
          |   2 |
          +-----+
          1 item
          +------+-----+
          | item | qty |
          +------+-----+
          | tea  |   2 |
          | cake |   2 |
          +------+-----+
          2 items
          """, "error: line 7: condition failed: Duplicate primary key exists in table orders\n"),
          connected);
      Run local = ShellDriver.script("table create orders pk:S\n" + statements, "--keep-going");
      assertEquals("created table orders\n" + connected.out(), local.out());
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

  /**
   * {@code serve --dir}: what a connected shell wrote is in the directory when the server has
   * stopped, where a local shell reads it; while it serves, the directory is its alone.
   */
  @Test
  void aStoreServedFromADirectoryKeepsItsDataAfterTheServerStops() throws Exception {
    Path data = dir.resolve("data");
    try (ServerProcess server = ServerProcess.start("users", dir, "--dir", data.toString())) {
      String banner = "weir serve: store users durable in " + data
          + " (sync always; its data survives a restart), max memory ";
      assertTrue(server.lines().stream().anyMatch(l -> l.startsWith(banner)),
          server.lines().toString());
      Run connected = ShellDriver.command(Weir::open, "put user:1 ada\nmb photos\n", "shell",
          "--connect", "users", "--cluster-name", server.cluster, "--members", server.member());
      assertEquals(new Run(0, "OK\nmade bucket photos\n", ""), connected);

      Run locked = ShellDriver.script("get user:1\n", data.toString());
      assertEquals(Shell.FAILED, locked.exitCode());
      assertTrue(locked.err().startsWith("error: cannot open store '" + data + "': store locked:"
          + " the store in " + data + " is already open"), locked.err());

      server.terminateCleanly();
    }
    Run after = ShellDriver.script("get user:1\nls\n", data.toString());
    assertEquals(0, after.exitCode(), after.err());
    assertTrue(after.out().startsWith("ada\n"), after.out());
    assertTrue(after.out().contains("| photos "), after.out());
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

  /**
   * The server stops and an operator starts it again with the same command line: connected
   * clients reach the new server within seconds, the first answer each gets says the store is
   * a new one, and they then use it. Before, the new server formed a cluster of its own and
   * the clients found it only by Hazelcast's split-brain merge: after five minutes, and with
   * two clients (a bigger cluster than the server's) never.
   */
  @Test
  void shellsReachARestartedServerAndAreToldItsStoreIsNew() throws Exception {
    try (ServerProcess first = ServerProcess.start("users", dir)) {
      ClusterSettings settings = new ClusterSettings(first.cluster, ClusterSettings.LOOPBACK, 0,
          List.of(first.member()));
      StoreHandle client = BusConnection.connect(settings, "users");
      StoreHandle other = BusConnection.connect(settings, "users");
      try {
        Await.value(client.kv().put(Bytes.utf8("user:1"), Bytes.utf8("ada")));
        first.terminateCleanly();
        try (ServerProcess second = ServerProcess.restart(first, dir)) {
          for (StoreHandle c : List.of(client, other)) {
            Throwable firstAnswer = firstAnswerOnceServed(c);
            assertInstanceOf(StoreReplacedException.class, firstAnswer);
            assertTrue(Shell.describe(firstAnswer).startsWith(
                "store replaced: weir.users.* is served by a new store ("), firstAnswer.toString());
          }
          assertNull(Await.value(client.kv().get(Bytes.utf8("user:1"))), "a new, empty store");
          Await.value(client.kv().put(Bytes.utf8("user:2"), Bytes.utf8("grace")));
          assertEquals(Bytes.utf8("grace"), Await.value(other.kv().get(Bytes.utf8("user:2"))));
          second.terminateCleanly();
        }
      } finally {
        other.close();
        client.close();
      }
    }
  }

  /** Until the cluster routes to the new server nobody serves the store: asked again. */
  private static Throwable firstAnswerOnceServed(StoreHandle client) {
    return client.kv().get(Bytes.utf8("user:1"))
        .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200))
            .filter(e -> e instanceof StoreClosedException))
        .then(Mono.<Throwable>empty())
        .onErrorResume(Mono::just)
        .block(REACH_GUARD);
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
