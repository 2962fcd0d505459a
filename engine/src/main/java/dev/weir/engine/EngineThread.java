package dev.weir.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread the engine owns (the compactor). Engine threads are non-blocking: the shipped
 * BlockHound integration flags any blocking call on them, and user code never runs on them.
 */
public final class EngineThread extends Thread {

  private EngineThread(Runnable task, String name) {
    super(task, name);
    setDaemon(true);
  }

  public static boolean isCurrent() {
    return Thread.currentThread() instanceof EngineThread;
  }

  /** A factory of daemon engine threads named {@code prefix-N}. */
  public static ThreadFactory factory(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> new EngineThread(task, prefix + "-" + count.incrementAndGet());
  }
}
