package dev.weir.vertx;

import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * An upload over the bus as a cold {@code Mono}: each subscription opens its own upload on the
 * service at its first request and streams the content under the protocol of {@link
 * UploadCall}; it emits the result the service's store gave.
 */
final class ClientUpload<T> extends Mono<T> {

  private final BusClient client;
  private final String op;
  private final Object body;
  private final Publisher<ByteBuffer> content;
  private final Class<T> type;

  ClientUpload(BusClient client, String op, Object body, Publisher<ByteBuffer> content,
      Class<T> type) {
    this.client = client;
    this.op = op;
    this.body = body;
    this.content = content;
    this.type = type;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    if (client.isClosed()) {
      Operators.error(actual, client.closedError());
      return;
    }
    actual.onSubscribe(
        new UploadCall<>(client, actual, op, body, content, type, Vertx.currentContext()));
  }
}
