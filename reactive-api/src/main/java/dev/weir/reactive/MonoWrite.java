package dev.weir.reactive;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.engine.WriteCallback;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A write: on subscription, hands the operation to the engine's write loop and signals when it
 * is visible to every reader (or failed, having changed nothing). The signal arrives on the
 * thread the engine completes the write group on (see {@link Weir}). Cancelling stops the
 * signal, not the write: once handed over, a write is applied.
 *
 * @param <T> the result, mapped from the engine's long result; {@code null} completes empty
 */
final class MonoWrite<T> extends Mono<T> {

  private final Consumer<WriteCallback> submit;
  private final LongFunction<T> result;

  /** {@code submit} starts the write with the given callback. */
  MonoWrite(Consumer<WriteCallback> submit, LongFunction<T> result) {
    this.submit = submit;
    this.result = result;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    WriteSubscription<T> s = new WriteSubscription<>(actual, result);
    actual.onSubscribe(s);
    if (s.isCancelled()) {
      return; // as Reactor's own sources do: no work for a subscriber that already left
    }
    try {
      submit.accept(s);
    } catch (Throwable e) {
      s.onError(e instanceof WeirException ? (WeirException) e : wrap(e));
    }
  }

  private static WeirException wrap(Throwable e) {
    return new WeirException(ErrorCode.INTERNAL, String.valueOf(e), e);
  }

  /** Bridges the engine callback to the subscriber, honouring demand and cancellation. */
  static final class WriteSubscription<T> extends Operators.MonoSubscriber<T, T>
      implements WriteCallback {

    private final LongFunction<T> result;

    WriteSubscription(CoreSubscriber<? super T> actual, LongFunction<T> result) {
      super(actual);
      this.result = result;
    }

    @Override
    public void onSuccess(long sequence, long value) {
      if (isCancelled()) {
        return;
      }
      T mapped = result.apply(value);
      if (mapped == null) {
        actual.onComplete();
      } else {
        complete(mapped);
      }
    }

    @Override
    public void onError(WeirException error) {
      if (isCancelled()) {
        Operators.onErrorDropped(error, actual.currentContext());
        return;
      }
      actual.onError(error);
    }
  }
}
