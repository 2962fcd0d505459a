package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.StoreClosedException;
import dev.weir.engine.WeirException;
import dev.weir.vertx.codec.FailurePayload;
import dev.weir.vertx.codec.StreamFrame;
import dev.weir.vertx.codec.WeirFailure;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * Errors across the bus, both ways. A {@link WeirException}'s stable code becomes the reply's
 * failure code and {@link WeirException#of} rebuilds the same kind on the client, code for code;
 * anything else is {@code INTERNAL}. A kind finer than its code (see {@link FailureDetail})
 * also sends its detail, in a {@link WeirFailure} that reads as a plain failure to anyone else.
 * The bus's own failures get codes too: no answer within the timeout is {@code TIMEOUT};
 * nobody serving the address reads as a closed store.
 */
final class Failures {

  private Failures() {}

  static int code(Throwable e) {
    return e instanceof WeirException ? ((WeirException) e).code() : ErrorCode.INTERNAL.code();
  }

  static String message(Throwable e) {
    return e instanceof WeirException ? String.valueOf(e.getMessage()) : e.toString();
  }

  static int detail(Throwable e) {
    return FailureDetail.of(e).code();
  }

  static void reply(Message<?> request, Throwable e) {
    int detail = detail(e);
    if (detail == 0) {
      request.fail(code(e), message(e));
    } else {
      request.reply(new WeirFailure(code(e), detail, message(e), null, FailurePayload.of(e)));
    }
  }

  /** The exception a failure with {@code code}, {@code detail} and {@code message} stands for. */
  static WeirException rebuild(int code, int detail, String message) {
    return FailureDetail.rebuild(code, detail, message, null);
  }

  /** {@code frame} as the last of its stream, failed with {@code e} and what it carries. */
  static StreamFrame ending(StreamFrame frame, Throwable e) {
    return frame.ending(code(e), detail(e), message(e),
        detail(e) == 0 ? null : FailurePayload.of(e));
  }

  /** The exception an ending frame failed its stream with, what it carried included. */
  static WeirException rebuild(StreamFrame ending) {
    return FailureDetail.rebuild(ending.errorCode(), ending.errorDetail(),
        ending.errorMessage(), ending.errorPayload());
  }

  /** No answer from {@code address} in time: a request's reply, or a stream's next frame. */
  static WeirException timeout(String address, String why) {
    return new WeirException(ErrorCode.TIMEOUT, "no answer from " + address + ": " + why);
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
          if (r instanceof WeirFailure f) {
            return FailureDetail.rebuild(f.failureCode(), f.detail(), f.getMessage(), f.payload());
          }
          return rebuild(r.failureCode(), 0, r.getMessage());
        case TIMEOUT:
          return timeout(address, r.getMessage());
        case NO_HANDLERS:
          return new StoreClosedException("no store serves " + address);
        default:
          break;
      }
    }
    return new WeirException(ErrorCode.INTERNAL, "event bus failure at " + address + ": " + e, e);
  }
}
