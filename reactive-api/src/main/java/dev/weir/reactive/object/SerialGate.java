package dev.weir.reactive.object;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs metadata changes of one bucket one at a time, without a lock and without blocking.
 *
 * <p>Why: the key-value API offers atomic batches but no conditional batch (nor transactions
 * yet), and a change such as "replace the object, drop a reference from the old content, free
 * it at zero" reads several keys before it writes one batch. Ordering those read-then-write
 * steps per bucket makes each one see the state the previous one left. Content streams (the
 * slow part) run outside the gate; only the short commit step runs inside.
 *
 * <p>How: a lock-free queue and a work-in-progress counter (the Reactor drain idiom). Whoever
 * moves the counter from zero drains; a task that completes synchronously re-enters {@link
 * #drain()}, which then only bumps the counter, so the stack never grows with the queue. A task
 * whose subscriber cancelled before it started is skipped; once started it runs to its end,
 * since stopping a commit half-way is what the gate exists to prevent.
 */
final class SerialGate {

  private final Queue<Task<?>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile boolean running;

  /** {@code work} runs when every earlier task of this gate has terminated. */
  <T> Mono<T> run(Supplier<Mono<T>> work) {
    return run(work, () -> {});
  }

  /**
   * As {@link #run(Supplier)}; {@code onSkip} runs instead of {@code work} when the subscriber
   * cancelled before the task's turn came (e.g. to free a blob nobody will commit).
   */
  <T> Mono<T> run(Supplier<Mono<T>> work, Runnable onSkip) {
    return Mono.create(
        sink -> {
          Task<T> task = new Task<>(work, sink, onSkip);
          sink.onCancel(() -> task.cancelled = true);
          queue.offer(task);
          drain();
        });
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (!running) {
        Task<?> task = queue.poll();
        if (task == null) {
          break;
        }
        if (task.cancelled) {
          task.onSkip.run();
        } else {
          running = true;
          task.start(this::done);
        }
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void done() {
    running = false;
    drain();
  }

  private static final class Task<T> {
    private final Supplier<Mono<T>> work;
    private final MonoSink<T> sink;
    private final Runnable onSkip;
    volatile boolean cancelled;

    Task(Supplier<Mono<T>> work, MonoSink<T> sink, Runnable onSkip) {
      this.work = work;
      this.sink = sink;
      this.onSkip = onSkip;
    }

    void start(Runnable done) {
      Mono<T> mono;
      try {
        mono = work.get();
      } catch (Throwable e) {
        done.run();
        sink.error(e);
        return;
      }
      // The gate is released before the caller hears the result, so a caller that chains its
      // next change on this one's completion does not find the gate still held.
      mono.map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .subscribe(
              v -> {
                done.run();
                if (v.isPresent()) {
                  sink.success(v.get());
                } else {
                  sink.success();
                }
              },
              e -> {
                done.run();
                sink.error(e);
              });
    }
  }
}
