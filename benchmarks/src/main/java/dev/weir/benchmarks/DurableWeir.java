package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.wal.SyncPolicy;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.nio.file.Path;
import java.time.Duration;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Durable Weir in the comparison: {@code Weir.open(config)} on a directory with {@code
 * SyncPolicy.ALWAYS}, through the reactive API. A put completes once its group's write and
 * fsync are done, on Weir's own threads; the benchmark thread subscribes and (for a lone put)
 * spins until then, as {@link LonePutLatencyBenchmark} does.
 */
final class DurableWeir extends DurableKv {

  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(120);

  final ReactiveStore store;
  private final LonePutLatencyBenchmark.WriteCapture capture =
      new LonePutLatencyBenchmark.WriteCapture();

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

  @Override
  void put(long n) {
    LonePutLatencyBenchmark.WriteCapture c = capture.reset();
    store.put(Bytes.wrap(key(n)), Bytes.wrap(value(n))).subscribe(c);
    c.awaitDone();
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
