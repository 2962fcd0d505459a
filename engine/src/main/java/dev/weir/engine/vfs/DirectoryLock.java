package dev.weir.engine.vfs;

import dev.weir.engine.StoreLockedException;
import dev.weir.engine.StorageFailedException;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes one store the only owner of its directory, against this process and any other: an
 * exclusive lock on the file {@value #NAME}, held until {@link #close()}. A second open fails
 * with {@link StoreLockedException} before it reads or writes any other file, so it cannot
 * corrupt the owner's store. The operating system drops the lock when the owner dies, so a
 * crashed store's directory opens again without clean-up.
 */
public final class DirectoryLock implements Closeable {

  public static final String NAME = "LOCK";

  private final Closeable held;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DirectoryLock(Closeable held) {
    this.held = held;
  }

  /** Locks {@code dir}, or throws {@link StoreLockedException} when another owner holds it. */
  public static DirectoryLock acquire(Directory dir) {
    Closeable held;
    try {
      held = dir.tryLock(NAME);
    } catch (IOException e) {
      throw new StorageFailedException("cannot lock " + dir.describe(NAME) + ": " + e, e);
    }
    if (held == null) {
      throw new StoreLockedException(
          "the store in " + dir.location() + " is already open (" + NAME
              + " is held by this process or another); close it first");
    }
    return new DirectoryLock(held);
  }

  /** Releases the lock; a second close does nothing. */
  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      held.close();
    }
  }
}
