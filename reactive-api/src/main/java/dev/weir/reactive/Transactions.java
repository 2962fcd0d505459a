package dev.weir.reactive;

import dev.weir.engine.TransactionConflictException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs work in a transaction, the same way for every {@link ReactiveStore} implementation: begin,
 * run, commit, roll back on failure or cancellation, and retry the whole on conflict.
 */
public final class Transactions {

  /**
   * The default conflict policy: up to 4 retries, backing off from 1 ms to 50 ms with 50%
   * jitter on Reactor's parallel timer, only for {@link TransactionConflictException}.
   */
  public static final Retry DEFAULT_RETRY =
      Retry.backoff(4, Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(50))
          .jitter(0.5)
          .filter(TransactionConflictException.class::isInstance)
          .onRetryExhaustedThrow((spec, signal) -> signal.failure());

  private Transactions() {}

  /** Runs {@code work} in a transaction from {@code begin}, committing on success. */
  public static <T> Mono<T> run(
      Callable<? extends Transaction> begin, Function<Transaction, Mono<T>> work, Retry retry) {
    return run(begin, work, retry, null);
  }

  /** As {@link #run(Callable, Function, Retry)}; {@code onRetry}, if given, runs per retry. */
  public static <T> Mono<T> run(
      Callable<? extends Transaction> begin,
      Function<Transaction, Mono<T>> work,
      Retry retry,
      Runnable onRetry) {
    Mono<T> attempt = Mono.defer(
            () -> {
              Transaction tx;
              try {
                tx = begin.call();
              } catch (Exception e) {
                return Mono.error(e);
              }
              return Mono.defer(() -> work.apply(tx))
                  .map(Optional::of)
                  .defaultIfEmpty(Optional.empty())
                  .flatMap(result -> tx.commit().thenReturn(result))
                  .onErrorResume(
                      e -> tx.rollback().onErrorResume(ignored -> Mono.empty()).then(Mono.error(e)))
                  .doOnCancel(() -> tx.rollback().subscribe(v -> {}, ignored -> {}))
                  .flatMap(Mono::justOrEmpty);
            });
    // most attempts commit: the retry operator (a companion sink and subscription each time)
    // is set up only once one fails, and it sees that first failure as its own
    return attempt.onErrorResume(first -> retried(first, attempt, retry, onRetry));
  }

  private static <T> Mono<T> retried(
      Throwable first, Mono<T> attempt, Retry retry, Runnable onRetry) {
    AtomicBoolean replayed = new AtomicBoolean();
    return Mono.defer(() -> {
      if (!replayed.getAndSet(true)) {
        return Mono.<T>error(first);
      }
      if (onRetry != null) {
        onRetry.run();
      }
      return attempt;
    }).retryWhen(retry);
  }
}
