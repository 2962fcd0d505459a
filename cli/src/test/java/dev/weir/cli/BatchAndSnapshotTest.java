package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.KeyRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchAndSnapshotTest {

  private final ShellDriver.Lines shell = new ShellDriver.Lines();

  @AfterEach
  void close() {
    shell.close();
  }

  @Test
  void aBatchIsInvisibleUntilEndThenAppliedWhole() {
    shell.run("put old:1 x");
    assertEquals("batch open: end applies it, abort discards it\n", shell.run("batch"));
    assertEquals("weir[batch 0]> ", shell.session.prompt());
    assertEquals("queued (1)\n", shell.run("put a 1"));
    assertEquals("queued (2)\n", shell.run("ttl b 2 1h"));
    assertEquals("queued (3)\n", shell.run("del a"));
    assertEquals("queued (4)\n", shell.run("delprefix old:"));
    assertEquals("queued (5)\n", shell.run("put c 3"));
    assertEquals("weir[batch 5]> ", shell.session.prompt());
    assertEquals("count: 1\n", countOutside());
    assertEquals("applied 5 operations\n", shell.run("end"));
    shell.run(".format compact");
    assertEquals("b=2\nc=3\n", shell.run("scan \"\""));
    assertEquals("weir> ", shell.session.prompt());
  }

  /** Reads are refused inside a batch; count through the store directly. */
  private String countOutside() {
    Long n = Await.value(ObjectKeys.scan(Reads.of(shell.store), KeyRange.all()).count());
    return "count: " + n + "\n";
  }

  @Test
  void readsAndNestedBatchesAreRefusedInsideABatch() {
    shell.run("batch");
    assertEquals("error: get cannot run inside a batch: end or abort the batch first\n",
        shell.run("get a"));
    assertEquals("error: a batch is already open: end or abort it first\n", shell.run("batch"));
    assertEquals("format table\n", shell.run(".format table")); // shell controls still work
  }

  @Test
  void aBadLineLeavesTheBatchAsItWas() {
    shell.run("batch");
    shell.run("put a 1");
    assertTrue(shell.run("put 0xzz 1").startsWith("error: bad hex"));
    assertEquals("applied 1 operation\n", shell.run("end"));
  }

  @Test
  void abortDiscards() {
    shell.run("batch");
    shell.run("put a 1");
    assertEquals("discarded 1 operation\n", shell.run("abort"));
    assertEquals("(nil)\n", shell.run("get a"));
    assertEquals("error: no batch is open\n", shell.run("abort"));
    assertEquals("error: no batch is open (start one with batch)\n", shell.run("end"));
  }

  @Test
  void aRefusedBatchChangesNothing() {
    shell.run("batch");
    shell.run("put a 1");
    shell.run("put \"\" 2"); // an empty key: the store refuses the whole batch
    assertTrue(shell.run("end").startsWith("error: invalid argument: "));
    assertEquals("(nil)\n", shell.run("get a"));
    assertEquals("weir> ", shell.session.prompt());
  }

  @Test
  void anEmptyBatchAppliesNothing() {
    shell.run("batch");
    assertEquals("applied 0 operations\n", shell.run("end"));
  }

  @Test
  void aSnapshotServesReadsUntilReleased() {
    shell.run("put a 1");
    shell.run("put b 2");
    assertTrue(shell.run("snapshot").startsWith("snapshot at sequence "));
    assertEquals("weir[snapshot]> ", shell.session.prompt());
    shell.run("put a changed");
    shell.run("del b");
    shell.run("put c 3");
    assertEquals("1\n", shell.run("get a"));
    assertEquals("count: 2\n", shell.run("count"));
    shell.run(".format compact");
    assertEquals("a=1\nb=2\n", shell.run("scan \"\""));
    assertEquals("b=2\n", shell.run("range b -"));
    assertEquals("snapshot released\n", shell.run("release"));
    assertEquals("changed\n", shell.run("get a"));
    assertEquals("2\n", shell.run("count")); // a and c: b was deleted
  }

  @Test
  void oneSnapshotAtATime() {
    assertEquals("error: no snapshot is open\n", shell.run("release"));
    shell.run("snapshot");
    assertEquals("error: a snapshot is already open (release it first)\n", shell.run("snapshot"));
  }
}
