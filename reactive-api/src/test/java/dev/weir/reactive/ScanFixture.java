package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.WriteBatch;
import java.time.Duration;

/** Stores filled with numbered keys, for the scan tests. */
final class ScanFixture {

  static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private ScanFixture() {}

  static Bytes key(int i) {
    return Bytes.utf8(String.format("key:%08d", i));
  }

  /** An embedded store holding keys 0..n-1, written in batches. */
  static ReactiveStore storeWith(long n) {
    ReactiveStore store = Weir.inMemory(EngineConfig.defaults());
    fill(store, 0, n);
    return store;
  }

  static void fill(ReactiveStore store, long from, long to) {
    for (long start = from; start < to; start += 10_000) {
      WriteBatch.Builder w = WriteBatch.builder();
      for (long i = start; i < Math.min(to, start + 10_000); i++) {
        w.put(key((int) i), Bytes.utf8("value-" + i));
      }
      store.write(w.build()).block(HANG_GUARD);
    }
  }

  static int openSnapshots(ReactiveStore store) {
    return store.stats().block(HANG_GUARD).openSnapshots();
  }
}
