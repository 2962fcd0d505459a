package dev.weir.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.EngineThread;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.vfs.WritableFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;

/**
 * The canary and its negative: a durable append from a thread BlockHound treats as
 * non-blocking (an engine thread, as an event loop would be) raises nothing, because the write
 * and the fsync run on the WAL thread; and the same fsync run on that caller's thread is
 * caught, so the first test would fail if the log ever synced on its caller.
 */
class WalBlockHoundTest {

  @TempDir Path tmp;

  private static Throwable onNonBlockingThread(ThrowingRunnable body) throws Exception {
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    EngineThread.factory("caller").newThread(() -> {
      try {
        body.run();
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    }).start();
    return outcome.get(30, TimeUnit.SECONDS);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aDurableAppendFromANonBlockingThreadRaisesNoBlockHoundError() throws Exception {
    WalWriter wal = WalWriter.start(LocalDirectory.open(tmp), SyncPolicy.ALWAYS, 4096, 1);
    List<WalRecord> records = new RandomRecords(16_201, 1).next(200);
    List<Appended> outcomes = new ArrayList<>();
    Throwable raised = onNonBlockingThread(() -> {
      for (WalRecord r : records) {
        Appended a = new Appended();
        outcomes.add(a);
        wal.append(List.of(r), a);
      }
    });
    assertNull(raised, "an append blocked its caller");
    for (int i = 0; i < outcomes.size(); i++) {
      assertTrue(outcomes.get(i).durable() >= records.get(i).lastSeq());
      assertTrue(outcomes.get(i).completedOn.getName().startsWith("weir-wal"));
    }
    assertTrue(wal.syncs() > 0);
    wal.close().get(30, TimeUnit.SECONDS);
    assertEquals(records, Segments.replayed(LocalDirectory.open(tmp), 1, false, null));
  }

  @Test
  void anFsyncOnTheCallersNonBlockingThreadIsCaught() throws Exception {
    WritableFile file = LocalDirectory.open(tmp).create(SegmentName.of(1));
    file.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    Throwable raised = onNonBlockingThread(file::sync);
    assertInstanceOf(BlockingOperationError.class, raised);
    assertTrue(raised.getMessage().contains("force"), raised.getMessage());
    file.close();
  }
}
