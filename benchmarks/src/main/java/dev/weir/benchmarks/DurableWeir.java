package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.wal.SyncPolicy;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Durable Weir in the comparison: {@code Weir.open(config)} on a directory with {@code
 * SyncPolicy.ALWAYS}, through the reactive API. A put completes once its group's write and
 * fsync are done, on Weir's own threads; the benchmark thread subscribes and (for a lone put)
 * waits for it in {@link Await}.
 */
final class DurableWeir extends DurableKv {

  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(120);

  final ReactiveStore store;

  DurableWeir(Path dir) {
    this(dir, config(dir).build());
  }

  DurableWeir(Path dir, EngineConfig config) {
    super(dir);
    store = open(config);
  }

  /** A durable store's settings in {@code dir}: the defaults, every group synced. */
  static EngineConfig.Builder config(Path dir) {
    return EngineConfig.builder().name("durable").directory(dir).syncPolicy(SyncPolicy.ALWAYS);
  }

  /** Opens (and recovers) the store; setup code, so it blocks. */
  static ReactiveStore open(EngineConfig config) {
    return Weir.open(config).block(OPEN_TIMEOUT);
  }

  private final Await await = new Await();

  @Override
  void put(long n) {
    Await a = await.reset();
    store.put(Bytes.wrap(key(n)), Bytes.wrap(value(n))).subscribe(a);
    a.await();
  }

  /**
   * A lone put's subscriber: the benchmark thread spins {@value #SPIN_NANOS} ns, then parks
   * until the WAL thread's completion unparks it. Spinning for the whole fsync, as {@link
   * LonePutLatencyBenchmark} does for an in-memory put, holds one of the 2 cores the WAL thread
   * and the rest of the machine need: measured with other work on the machine, spinning gave
   * 1,230-1,270 µs a put on average (p90 3.7-3.9 ms), spin-then-park 512 µs (p90 0.7 ms).
   */
  static final class Await implements CoreSubscriber<Void> {
    static final long SPIN_NANOS = 20_000;
    private volatile boolean done;
    private volatile Throwable error;
    private volatile Thread waiter;

    Await reset() {
      done = false;
      error = null;
      waiter = Thread.currentThread();
      return this;
    }

    void await() {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (!done && System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      while (!done) {
        LockSupport.park(this);
      }
      if (error != null) {
        throw new IllegalStateException("the put failed", error);
      }
    }

    @Override
    public void onSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Void v) {}

    @Override
    public void onError(Throwable t) {
      error = t;
      done = true;
      LockSupport.unpark(waiter);
    }

    @Override
    public void onComplete() {
      done = true;
      LockSupport.unpark(waiter);
    }
  }

  @Override
  void putAsync(long n, InFlight window) {
    store.put(Bytes.wrap(key(n)), Bytes.wrap(value(n))).subscribe(new Ack(window));
  }

  @Override
  String describe() {
    return "Weir (sync=always): " + store.stats().block();
  }

  @Override
  public void close() {
    store.close().block(OPEN_TIMEOUT);
  }

  /** One put's subscriber: tells the window when the put is acknowledged. */
  static final class Ack implements CoreSubscriber<Void> {
    private final InFlight window;

    Ack(InFlight window) {
      this.window = window;
    }

    @Override
    public void onSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Void v) {}

    @Override
    public void onError(Throwable t) {
      window.fail(t);
    }

    @Override
    public void onComplete() {
      window.release();
    }
  }
}
