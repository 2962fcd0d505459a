package dev.weir.engine.compaction;

import dev.weir.engine.EngineThread;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The compactor's own thread: runs queued tasks one at a time and parks when there are none.
 *
 * <p>Why not a {@code ThreadPoolExecutor}: its bookkeeping takes a lock (when a worker starts or
 * exits), and BlockHound rightly flags a lock that parks on an engine thread. Here a task is
 * handed over with a lock-free offer and an unpark, neither of which ever waits, and the only
 * wait is {@link #awaitWork()}, which the BlockHound integration allows and nothing else.
 */
final class CompactorThread implements Runnable {

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final Runnable onFailure;
  private final Runnable tick;
  private final long tickNanos;
  private volatile boolean stopped;
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  /** Runs {@code tick} about every {@code tickNanos} while otherwise idle. */
  CompactorThread(String name, Runnable onFailure, Runnable tick, long tickNanos) {
    this.onFailure = onFailure;
    this.tick = tick;
    this.tickNanos = tickNanos;
    this.thread = EngineThread.factory(name).newThread(this);
    thread.start();
  }

  /** Queues a task; never waits, callable from any thread. */
  void execute(Runnable task) {
    tasks.offer(task);
    LockSupport.unpark(thread);
  }

  /** Stops after the task in progress; queued tasks are dropped. Completes once stopped. */
  CompletableFuture<Void> shutdown() {
    stopped = true;
    LockSupport.unpark(thread);
    return terminated;
  }

  @Override
  public void run() {
    long nextTick = System.nanoTime() + tickNanos;
    while (!stopped) {
      Runnable task = tasks.poll();
      if (task == null) {
        long now = System.nanoTime();
        if (now - nextTick >= 0) {
          nextTick = now + tickNanos;
          task = tick;
        } else {
          awaitWork(nextTick - now);
          continue;
        }
      }
      try {
        task.run();
      } catch (Throwable e) {
        onFailure.run(); // a failed task must not kill the thread
      }
    }
    tasks.clear();
    terminated.complete(null);
  }

  /**
   * The compactor's one wait: idle until {@link #execute} or {@link #shutdown} unparks it, or
   * until the next tick is due.
   */
  private void awaitWork(long nanos) {
    LockSupport.parkNanos(this, nanos);
  }
}
