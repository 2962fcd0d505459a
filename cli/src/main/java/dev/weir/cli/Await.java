package dev.weir.cli;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place the CLI waits for the store. The shell runs commands one after another on its
 * own main thread, which is not an event loop, so waiting there is correct and keeps every
 * command a plain sequential step; the store itself stays non-blocking behind its interface.
 * A test keeps {@code block} out of every other file.
 */
final class Await {

  /**
   * Long enough for any in-memory operation; a hang guard. A store on the event bus fails a
   * request first, with a typed timeout, after its client's request timeout (10 s).
   */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Await() {}

  /** The value of {@code mono}, or {@code null} when it completes empty. */
  static <T> T value(Mono<T> mono) {
    return value(mono, TIMEOUT);
  }

  /** The value of {@code mono} within {@code bound}; a hang guard for joins and shutdowns. */
  static <T> T value(Mono<T> mono, Duration bound) {
    return mono.block(bound);
  }

  static <T> List<T> all(Flux<T> flux) {
    return flux.collectList().block(TIMEOUT);
  }

  /**
   * Runs {@code action} on this thread for each element of {@code flux}, as it arrives, until
   * the flux ends or Ctrl-C ({@code interrupts}); returns whether Ctrl-C stopped it. No
   * timeout: a watch waits for changes as long as the user likes. The action (printing,
   * writing a file) runs here rather than on the store's thread, so it may block, and the
   * store is asked for a few elements at a time, so a slow terminal holds back the stream
   * instead of growing a buffer.
   */
  static <T> boolean each(Flux<T> flux, Consumer<? super T> action, Interrupts interrupts) {
    return eachWhile(flux, value -> {
      action.accept(value);
      return true;
    }, interrupts);
  }

  /**
   * {@link #each}, where {@code action} may also end it early by returning false (a reader who
   * has seen enough): the rest of the flux is cancelled, not read. Returns whether Ctrl-C or
   * the action stopped it.
   */
  static <T> boolean eachWhile(
      Flux<T> flux, Predicate<? super T> action, Interrupts interrupts) {
    Each<T> each = new Each<>();
    try (Interrupts.Registration r = interrupts.onInterrupt(each::stop)) {
      flux.subscribe(each);
      return each.drain(action);
    } finally {
      each.dispose();
    }
  }

  /**
   * Hands signals from the store's threads to the waiting one. Lock-free on the producing
   * side (a queue and a semaphore release), so no store thread ever blocks here.
   */
  private static final class Each<T> extends BaseSubscriber<T> {

    private static final int WINDOW = 16;
    private static final Object END = new Object();

    private final Queue<Object> signals = new ConcurrentLinkedQueue<>();
    private final Semaphore ready = new Semaphore(0);
    private volatile boolean stopped;

    private record Failure(Throwable error) {}

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      subscription.request(WINDOW);
    }

    @Override
    protected void hookOnNext(T value) {
      signal(value);
    }

    @Override
    protected void hookOnComplete() {
      signal(END);
    }

    @Override
    protected void hookOnError(Throwable error) {
      signal(new Failure(error));
    }

    /** Called from a signal handler thread, maybe before the subscription exists. */
    void stop() {
      stopped = true;
      dispose();
      signal(END);
    }

    private void signal(Object o) {
      signals.offer(o);
      ready.release();
    }

    @SuppressWarnings("unchecked")
    boolean drain(Predicate<? super T> action) {
      while (true) {
        try {
          ready.acquire();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
        Object o = signals.poll();
        if (o == END || stopped) {
          return stopped;
        }
        if (o instanceof Failure f) {
          throw Exceptions.propagate(f.error());
        }
        if (!action.test((T) o)) {
          return true;
        }
        request(1);
      }
    }
  }
}
