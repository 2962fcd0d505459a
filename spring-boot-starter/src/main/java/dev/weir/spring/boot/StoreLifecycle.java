package dev.weir.spring.boot;

import dev.weir.reactive.ReactiveStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * Closes a store the starter opened, gracefully, when the context shuts down.
 *
 * <p>It stops in the lowest phase ({@link #PHASE}), after every other lifecycle: the web
 * server's graceful shutdown (requests in flight finish and write), message listeners, the
 * application's own lifecycles. Then {@link ReactiveStore#closeGracefully()} lets every write
 * subscribed before it be applied, writes held back for compaction included, and closes; a
 * durable store syncs its log. The stop is asynchronous (Spring waits for it up to {@code
 * spring.lifecycle.timeout-per-shutdown-phase}). A context that fails before it starts never
 * stops its lifecycles, so {@link #destroy()} closes the store then.
 */
final class StoreLifecycle implements SmartLifecycle, DisposableBean {

  /** Far below every phase Spring and Boot use: the store is the last thing to stop. */
  static final int PHASE = Integer.MIN_VALUE + 1000;

  private static final Logger LOG = LoggerFactory.getLogger(StoreLifecycle.class);
  private static final Duration DESTROY_TIMEOUT = Duration.ofSeconds(30);

  private final ReactiveStore store;
  private final Mono<Void> afterClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean running;

  /**
   * {@code afterClose} is subscribed once the store is closed (e.g. to close the other clients
   * and a Vert.x the starter made); a null {@code store} (the application's own) is left alone.
   */
  StoreLifecycle(ReactiveStore store, Mono<Void> afterClose) {
    this.store = store;
    this.afterClose = afterClose;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public void stop(Runnable callback) {
    if (store == null || !closed.compareAndSet(false, true)) {
      running = false;
      callback.run();
      return;
    }
    closing().doFinally(signal -> {
      running = false;
      callback.run();
    }).subscribe();
  }

  /** Closes the store, then what follows it; a failure is logged, never thrown. */
  private Mono<Void> closing() {
    return store.closeGracefully()
        .onErrorResume(e -> {
          LOG.warn("closing {} failed", store, e);
          return Mono.empty();
        })
        .then(afterClose)
        .onErrorResume(e -> {
          LOG.warn("closing what {} used failed", store, e);
          return Mono.empty();
        });
  }

  @Override
  public void stop() {
    destroy();
  }

  @Override
  public void destroy() {
    if (store != null && closed.compareAndSet(false, true)) {
      try {
        closing().block(DESTROY_TIMEOUT); // the closing thread may wait
      } catch (RuntimeException e) {
        LOG.warn("closing {} timed out", store, e);
      } finally {
        running = false;
      }
    }
  }
}
