package dev.weir.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Test helpers that turn a write callback into a result. */
final class Writes {

  private Writes() {}

  /** Runs a write and returns its result; with the default executor it completes inline. */
  static long await(Consumer<WriteCallback> write) {
    CompletableFuture<Long> f = new CompletableFuture<>();
    write.accept(callback(f));
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new AssertionError(cause);
    }
  }

  /** Runs a write that must fail and returns its error. */
  static WeirException fail(Consumer<WriteCallback> write) {
    try {
      await(write);
    } catch (WeirException e) {
      return e;
    }
    throw new AssertionError("the write succeeded");
  }

  static WriteCallback callback(CompletableFuture<Long> f) {
    return new WriteCallback() {
      @Override
      public void onSuccess(long sequence, long result) {
        f.complete(result);
      }

      @Override
      public void onError(WeirException error) {
        f.completeExceptionally(error);
      }
    };
  }

  /** Flushes and waits (in a test thread) until the compactor has nothing left to do. */
  static void settle(Engine engine) {
    try {
      engine.flushAndCompact().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("compaction did not settle: " + engine.stats(), e);
    }
  }
}
