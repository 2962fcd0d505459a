package dev.weir.vertx;

import dev.weir.vertx.codec.WeirFailure;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * A request as the operations see it: every answer to it, whichever operation gives it and
 * however late (an upload answers chunks long after its open), names the store that answered:
 * a value in the {@link Addresses#STORE} header, a failure as a {@link WeirFailure} that
 * carries it (a failure has no headers).
 */
final class StampedRequest implements Message<Object> {

  private final Message<Object> request;
  private final String store;

  StampedRequest(Message<Object> request, String store) {
    this.request = request;
    this.store = store;
  }

  @Override
  public void reply(Object body, DeliveryOptions options) {
    request.reply(stamped(body), new DeliveryOptions(options).addHeader(Addresses.STORE, store));
  }

  @Override
  public <R> Future<Message<R>> replyAndRequest(Object body, DeliveryOptions options) {
    return request.replyAndRequest(stamped(body),
        new DeliveryOptions(options).addHeader(Addresses.STORE, store));
  }

  private Object stamped(Object body) {
    if (body instanceof WeirFailure) {
      return ((WeirFailure) body).from(store);
    }
    if (body instanceof ReplyException) {
      ReplyException f = (ReplyException) body;
      return new WeirFailure(f.failureCode(), 0, f.getMessage(), store);
    }
    return body;
  }

  @Override
  public String address() {
    return request.address();
  }

  @Override
  public MultiMap headers() {
    return request.headers();
  }

  @Override
  public Object body() {
    return request.body();
  }

  @Override
  public String replyAddress() {
    return request.replyAddress();
  }

  @Override
  public boolean isSend() {
    return request.isSend();
  }
}
