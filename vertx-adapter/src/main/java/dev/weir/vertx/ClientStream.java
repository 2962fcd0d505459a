package dev.weir.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A stream served across the bus as a cold {@code Flux}: each subscription opens its own stream
 * on the service at its first request, under the credit protocol of {@link StreamSubscription}.
 */
final class ClientStream<T> extends Flux<T> {

  private final BusClient client;
  private final String op;
  private final Object body;
  private final DeliveryOptions delivery;
  private final boolean eager;

  ClientStream(BusClient client, String op, Object body, DeliveryOptions delivery) {
    this(client, op, body, delivery, false);
  }

  /** {@code eager}: open on subscribe, before any request (a watch must not miss changes). */
  ClientStream(BusClient client, String op, Object body, DeliveryOptions delivery,
      boolean eager) {
    this.client = client;
    this.op = op;
    this.body = body;
    this.delivery = delivery;
    this.eager = eager;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (client.isClosed()) {
      Operators.error(actual, client.closedError());
      return;
    }
    StreamSubscription<T> s =
        new StreamSubscription<>(client, actual, op, body, delivery, Vertx.currentContext());
    if (eager) {
      s.openEagerly();
    } else {
      actual.onSubscribe(s);
    }
  }
}
