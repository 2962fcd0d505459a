package dev.weir.vertx;

import io.vertx.core.eventbus.Message;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * Answers a request with the outcome of a store's {@code Mono}: its value, {@code null} when it
 * completes empty, or a failure carrying the error's code. Exactly one answer per request, from
 * whichever thread the store signals on (replying is thread-safe).
 */
final class Replies<T> implements CoreSubscriber<T> {

  private final Message<?> request;
  private boolean answered;

  private Replies(Message<?> request) {
    this.request = request;
  }

  static <T> void answer(Message<?> request, Mono<T> outcome) {
    outcome.subscribe(new Replies<T>(request));
  }

  @Override
  public void onSubscribe(Subscription s) {
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(T value) {
    answered = true;
    request.reply(value);
  }

  @Override
  public void onError(Throwable t) {
    if (!answered) {
      answered = true;
      Failures.reply(request, t);
    }
  }

  @Override
  public void onComplete() {
    if (!answered) {
      answered = true;
      request.reply(null);
    }
  }
}
