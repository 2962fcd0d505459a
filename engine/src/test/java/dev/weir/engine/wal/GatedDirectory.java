package dev.weir.engine.wal;

import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ForwardingDirectory;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A directory whose first file sync holds the WAL thread until the test opens the gate, so a
 * test can queue appends behind a group in progress without timing anything.
 */
final class GatedDirectory extends ForwardingDirectory {

  final CountDownLatch syncing = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);

  GatedDirectory(Directory inner) {
    super(inner);
  }

  void awaitSyncing() throws InterruptedException {
    if (!syncing.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the WAL thread never synced");
    }
  }

  void open() {
    gate.countDown();
  }

  @Override
  public WritableFile create(String name) throws IOException {
    return new ForwardingFile(inner.create(name)) {
      @Override
      public void sync() throws IOException {
        syncing.countDown();
        try {
          if (!gate.await(30, TimeUnit.SECONDS)) {
            throw new IOException("the test never opened the gate");
          }
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        file.sync();
      }
    };
  }
}
