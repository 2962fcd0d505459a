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
 * signal, not the write: once handed over, a write is applied. A write to the store itself (not
 * a transaction's commit) is shown to the store's observer, if it has one.
 *
 * @param <T> the result, mapped from the engine's long result; {@code null} completes empty
 */
final class MonoWrite<T> extends Mono<T> {

  private final Consumer<WriteCallback> submit;
  private final LongFunction<T> result;
  private final Probe probe;
  private final Operation operation;

  /** {@code submit} starts the write with the given callback. */
  MonoWrite(Consumer<WriteCallback> submit, LongFunction<T> result) {
    this(submit, result, null, null);
  }

  MonoWrite(
      Consumer<WriteCallback> submit, LongFunction<T> result, Probe probe, Operation operation) {
    this.submit = submit;
    this.result = result;
    this.probe = probe;
    this.operation = operation;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    WriteSubscription<T> s = new WriteSubscription<>(actual, result);
    OperationObserver observer = probe == null ? null : probe.observer();
    if (observer != null) {
      s.observe(observer, operation);
    }
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
    /** Null unless the store's observer was told of this write. */
    private OperationObserver observer;
    private Operation operation;
    private boolean timed;
    private long start;

    WriteSubscription(CoreSubscriber<? super T> actual, LongFunction<T> result) {
      super(actual);
      this.result = result;
    }

    /** Called before the write is submitted; the submission orders these for the callback. */
    void observe(OperationObserver observer, Operation operation) {
      this.observer = observer;
      this.operation = operation;
      this.timed = observer.started(operation);
      this.start = timed ? System.nanoTime() : 0;
    }

    @Override
    public void onSuccess(long sequence, long value) {
      if (timed) {
        observer.finished(operation, System.nanoTime() - start, false);
      }
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
      if (observer != null) {
        observer.failed(operation, error);
        if (timed) {
          observer.finished(operation, System.nanoTime() - start, true);
        }
      }
      if (isCancelled()) {
        Operators.onErrorDropped(error, actual.currentContext());
        return;
      }
      actual.onError(error);
    }
  }
}
