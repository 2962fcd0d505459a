package dev.weir.engine.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Directory} that fails on cue (Pebble's {@code errorfs}): tests arm a fault for the
 * n-th next write or sync of any file, or limit the free space, and the wrapped directory does
 * the rest. Faults are chosen by the test, never by chance, so a failing run replays exactly.
 * Arming is safe from any thread; the faults strike the thread doing the I/O.
 */
public final class FaultyDirectory extends ForwardingDirectory {

  /** The file operations a fault can strike. */
  public enum Op {
    WRITE,
    SYNC
  }

  private record Armed(Op op, AtomicInteger skip, int shortBytes) {}

  private final ConcurrentLinkedQueue<Armed> armed = new ConcurrentLinkedQueue<>();
  private final AtomicLong free = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();

  public FaultyDirectory(Directory inner) {
    super(inner);
  }

  /** After {@code skip} more writes succeed, the next one fails having written nothing. */
  public void failWrite(int skip) {
    armed.add(new Armed(Op.WRITE, new AtomicInteger(skip), 0));
  }

  /** After {@code skip} more file syncs succeed, the next one fails. */
  public void failSync(int skip) {
    armed.add(new Armed(Op.SYNC, new AtomicInteger(skip), 0));
  }

  /** After {@code skip} more writes, the next writes only its first {@code bytes}, then fails. */
  public void shortWrite(int skip, int bytes) {
    armed.add(new Armed(Op.WRITE, new AtomicInteger(skip), bytes));
  }

  /**
   * Leaves {@code bytes} free: a write past them writes what fits and fails with {@link
   * NoSpaceLeftException}, as a full disk does. Truncating and deleting free space again;
   * {@code Long.MAX_VALUE} lifts the limit.
   */
  public void limitSpace(long bytes) {
    free.set(bytes);
  }

  /** Writes attempted so far, failed ones included. */
  public long writes() {
    return writes.get();
  }

  /** File syncs attempted so far, failed ones included. */
  public long syncs() {
    return syncs.get();
  }

  /** The first armed fault of {@code op} whose countdown ran out, removed; or null. */
  private Armed strike(Op op) {
    for (Armed a : armed) {
      if (a.op == op && a.skip.getAndDecrement() == 0 && armed.remove(a)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public WritableFile create(String name) throws IOException {
    return new FaultyFile(inner.create(name), describe(name));
  }

  @Override
  public WritableFile openForAppend(String name) throws IOException {
    return new FaultyFile(inner.openForAppend(name), describe(name));
  }

  @Override
  public void delete(String name) throws IOException {
    long size = inner.exists(name) ? inner.size(name) : 0;
    inner.delete(name);
    release(size);
  }

  private void release(long bytes) {
    free.getAndUpdate(f -> f == Long.MAX_VALUE ? f : f + bytes);
  }

  /** A file whose writes and syncs go through the armed faults and the space limit. */
  private final class FaultyFile extends ForwardingFile {
    private final String what;

    FaultyFile(WritableFile file, String what) {
      super(file);
      this.what = what;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      writes.incrementAndGet();
      int total = src.remaining();
      Armed fault = strike(Op.WRITE);
      if (fault != null) {
        writePrefix(src, Math.min(fault.shortBytes, total));
        throw new IOException("injected write failure on " + what);
      }
      long room = free.get();
      if (room < total) {
        writePrefix(src, (int) room);
        throw new NoSpaceLeftException(
            "no space left on device writing " + what, new IOException("injected ENOSPC"));
      }
      if (room != Long.MAX_VALUE) {
        free.addAndGet(-total);
      }
      return file.write(src);
    }

    private void writePrefix(ByteBuffer src, int bytes) throws IOException {
      if (bytes <= 0) {
        return;
      }
      ByteBuffer prefix = src.slice().limit(bytes);
      file.write(prefix);
      src.position(src.position() + bytes);
      if (free.get() != Long.MAX_VALUE) {
        free.addAndGet(-bytes);
      }
    }

    @Override
    public void sync() throws IOException {
      syncs.incrementAndGet();
      if (strike(Op.SYNC) != null) {
        throw new IOException("injected fsync failure on " + what);
      }
      file.sync();
    }

    @Override
    public void truncate(long size) throws IOException {
      long before = file.size();
      file.truncate(size);
      release(Math.max(0, before - size));
    }
  }
}
