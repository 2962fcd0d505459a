package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * Errors across the bus, both ways. A {@link WeirException}'s stable code becomes the reply's
 * failure code and {@link WeirException#of} rebuilds the same kind on the client, code for code;
 * anything else is {@code INTERNAL}. The bus's own failures get codes too: no answer within the
 * timeout is {@code TIMEOUT}; nobody serving the address reads as a closed store.
 */
final class Failures {

  private Failures() {}

  static int code(Throwable e) {
    return e instanceof WeirException ? ((WeirException) e).code() : ErrorCode.INTERNAL.code();
  }

  static String message(Throwable e) {
    return e instanceof WeirException ? String.valueOf(e.getMessage()) : e.toString();
  }

  static void reply(Message<?> request, Throwable e) {
    request.fail(code(e), message(e));
  }

  /** The exception a caller sees for a failed request to {@code address}. */
  static WeirException fromBus(Throwable e, String address) {
    if (e instanceof WeirException) {
      return (WeirException) e;
    }
    if (e instanceof ReplyException) {
      ReplyException r = (ReplyException) e;
      switch (r.failureType()) {
        case RECIPIENT_FAILURE:
          return WeirException.of(r.failureCode(), r.getMessage());
        case TIMEOUT:
          return new WeirException(ErrorCode.TIMEOUT, "no answer from " + address + ": "
              + r.getMessage());
        case NO_HANDLERS:
          return new StoreClosedException("no store serves " + address);
        default:
          break;
      }
    }
    return new WeirException(ErrorCode.INTERNAL, "event bus failure at " + address + ": " + e, e);
  }
}
