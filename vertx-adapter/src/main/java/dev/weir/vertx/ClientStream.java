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
  private final boolean feed;
  private final int window;

  ClientStream(BusClient client, String op, Object body, DeliveryOptions delivery) {
    this(client, op, body, delivery, false, client.options().window());
  }

  /**
   * {@code feed}: a watch, opened on subscribe, before any request (it must not miss changes),
   * and silent for as long as nothing changes (no timeout once open); {@code window}: items in
   * flight at most (object content counts pieces, not entries).
   */
  ClientStream(BusClient client, String op, Object body, DeliveryOptions delivery,
      boolean feed, int window) {
    this.client = client;
    this.op = op;
    this.body = body;
    this.delivery = delivery;
    this.feed = feed;
    this.window = window;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (client.isClosed()) {
      Operators.error(actual, client.closedError());
      return;
    }
    StreamSubscription<T> s =
        new StreamSubscription<>(client, actual, op, body, delivery, Vertx.currentContext(),
            window, feed);
    if (feed) {
      s.openEagerly();
    } else {
      actual.onSubscribe(s);
    }
  }
}
