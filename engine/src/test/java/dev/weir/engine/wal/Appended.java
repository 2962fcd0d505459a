package dev.weir.engine.wal;

import dev.weir.engine.WeirException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** One append's outcome, as a future: the durable sequence, or the error. */
final class Appended implements WalWriter.AppendCallback {

  final CompletableFuture<Long> outcome = new CompletableFuture<>();
  volatile Thread completedOn;

  @Override
  public void onDurable(long lastSeq) {
    completedOn = Thread.currentThread();
    outcome.complete(lastSeq);
  }

  @Override
  public void onFailed(WeirException error) {
    completedOn = Thread.currentThread();
    outcome.completeExceptionally(error);
  }

  long durable() throws Exception {
    return outcome.get(30, TimeUnit.SECONDS);
  }

  /** The error the append failed with; fails the test if it succeeded. */
  WeirException error() throws Exception {
    try {
      long seq = outcome.get(30, TimeUnit.SECONDS);
      throw new AssertionError("the append succeeded, durable through " + seq);
    } catch (ExecutionException e) {
      return (WeirException) e.getCause();
    }
  }
}
