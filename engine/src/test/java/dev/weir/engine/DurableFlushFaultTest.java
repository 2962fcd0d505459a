package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ForwardingDirectory;
import dev.weir.engine.vfs.LocalDirectory;
import dev.weir.engine.vfs.NoSpaceLeftException;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the flush path of a durable store: a run file that cannot be written fails the
 * flush alone (the log still holds the data, the flush is tried again); a manifest that cannot
 * be synced fail-stops the store, with reads going on and nothing acknowledged lost.
 */
class DurableFlushFaultTest {

  @TempDir Path dir;

  /** Fails the next {@code n} writes (as a full disk) or syncs of files whose name matches. */
  private static final class FailingFiles extends ForwardingDirectory {
    final String suffix;
    final AtomicInteger writeFailures = new AtomicInteger();
    final AtomicInteger syncFailures = new AtomicInteger();

    FailingFiles(Directory inner, String nameContains) {
      super(inner);
      this.suffix = nameContains;
    }

    @Override
    public WritableFile create(String name) throws IOException {
      WritableFile file = inner.create(name);
      if (!name.contains(suffix)) {
        return file;
      }
      return new ForwardingFile(file) {
        @Override
        public int write(ByteBuffer src) throws IOException {
          if (writeFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new NoSpaceLeftException("injected: no space left for " + name, null);
          }
          return file.write(src);
        }

        @Override
        public void sync() throws IOException {
          if (syncFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("injected fsync failure on " + name);
          }
          file.sync();
        }
      };
    }
  }

  private EngineConfig config() {
    return EngineConfig.builder().directory(dir).memtableBytes(16 * 1024).build();
  }

  private static Bytes key(int i) {
    return Bytes.utf8(String.format("k%05d", i));
  }

  private static void fill(Engine e, int from, int to) {
    for (int i = from; i < to; i++) {
      int n = i;
      Writes.await(cb -> e.put(key(n), Bytes.utf8("v" + n), cb));
    }
  }

  private static void assertAll(Engine e, int to) {
    for (int i = 0; i < to; i++) {
      assertEquals("v" + i, e.get(key(i)).asUtf8(), "key " + i);
    }
  }

  @Test
  void aRunFileThatCannotBeWrittenFailsTheFlushOnlyAndTheFlushIsTriedAgain() throws Exception {
    FailingFiles files = new FailingFiles(LocalDirectory.open(dir), ".run");
    Engine e = Engine.open(config(), files);
    files.writeFailures.set(2);
    fill(e, 0, 2000);
    Writes.settle(e); // the failed flushes were retried
    assertEquals(0, files.writeFailures.get(), "the faults were hit");
    assertTrue(e.stats().compactionFailures() >= 1, e.stats().toString());
    fill(e, 2000, 2100); // the store still takes writes
    assertAll(e, 2100);
    e.closeAsync().get(30, TimeUnit.SECONDS);

    Engine again = Engine.open(config());
    assertAll(again, 2100);
    again.closeAsync().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aManifestThatCannotBeSyncedFailStopsTheStoreAndLosesNothingAcknowledged()
      throws Exception {
    FailingFiles files = new FailingFiles(LocalDirectory.open(dir), "MANIFEST");
    Engine e = Engine.open(config(), files);
    fill(e, 0, 200);
    files.syncFailures.set(1);
    int acknowledged = 200;
    WeirException stopped = null;
    for (int i = 200; i < 20_000 && stopped == null; i++) {
      int n = i;
      try {
        Writes.await(cb -> e.put(key(n), Bytes.utf8("v" + n), cb));
        acknowledged = n + 1;
      } catch (WeirException failed) {
        stopped = failed;
      }
    }
    assertInstanceOf(StorageFailedException.class, stopped, "the store stopped on the fault");
    assertAll(e, acknowledged); // reads go on
    e.closeAsync().exceptionally(x -> null).get(30, TimeUnit.SECONDS);

    Engine again = Engine.open(config());
    assertAll(again, acknowledged);
    again.closeAsync().get(30, TimeUnit.SECONDS);
  }
}
