package dev.weir.vertx;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * One request over the bus as a cold {@code Mono}: sent on the first request (not on subscribe,
 * so a subscriber that cancels before asking opens nothing on the service), answered on the
 * caller's Vert.x context when it has one (the event bus completes a request there). A reply
 * {@code null} is an empty {@code Mono}; a failure is the same {@code WeirException} kind the
 * service's store raised; no reply within the timeout is a {@code TIMEOUT}. A result that
 * arrives after cancellation is released (a snapshot closed, a transaction rolled back).
 */
final class MonoRequest<T> extends Mono<T> {

  private final BusClient client;
  private final String address;
  private final Object body;
  private final DeliveryOptions delivery;
  private final Function<Object, T> decode;
  private final Consumer<T> release;

  MonoRequest(BusClient client, String address, Object body, DeliveryOptions delivery,
      Function<Object, T> decode, Consumer<T> release) {
    this.client = client;
    this.address = address;
    this.body = body;
    this.delivery = delivery;
    this.decode = decode;
    this.release = release;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (client.isClosed()) {
      Operators.error(actual, client.closedError());
      return;
    }
    actual.onSubscribe(new Call(actual));
  }

  private final class Call extends Operators.MonoSubscriber<T, T> {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<MonoRequest.Call> SENT =
        AtomicIntegerFieldUpdater.newUpdater(MonoRequest.Call.class, "sent");

    private volatile int sent;

    Call(CoreSubscriber<? super T> actual) {
      super(actual);
    }

    @Override
    public void request(long n) {
      super.request(n);
      if (n > 0 && SENT.compareAndSet(this, 0, 1) && !isCancelled()) {
        send();
      }
    }

    private void send() {
      try {
        client.requestTo(address, body, delivery).onComplete(ar -> {
          if (ar.succeeded()) {
            answered(ar.result());
          } else if (!isCancelled()) {
            actual.onError(Failures.fromBus(ar.cause(), address));
          }
        });
      } catch (Throwable e) {
        actual.onError(Failures.fromBus(e, address));
      }
    }

    private void answered(Message<Object> reply) {
      T value;
      try {
        value = reply.body() == null ? null : decode.apply(reply.body());
      } catch (Throwable e) {
        if (!isCancelled()) {
          actual.onError(Failures.fromBus(e, address));
        }
        return;
      }
      if (value == null) {
        if (!isCancelled()) {
          actual.onComplete();
        }
      } else {
        complete(value);
      }
    }

    @Override
    protected void discard(T value) {
      if (release != null && value != null) {
        release.accept(value);
      }
    }
  }
}
