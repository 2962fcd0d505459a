package dev.weir.testkit;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

/**
 * The store under test and the helpers every part of the conformance suite shares. A fresh
 * store per test, closed after it.
 */
public abstract class StoreFixture {

  /** Fails a test that hangs; not a performance assertion. */
  protected static final Duration HANG_GUARD = Duration.ofSeconds(30);

  protected ReactiveStore store;

  /** A fresh, empty store. */
  protected abstract ReactiveStore createStore();

  /**
   * A fresh store with {@code config}, for the tests that need a controlled clock; {@code null}
   * (the default) skips them for implementations that cannot be configured.
   */
  protected ReactiveStore createStore(EngineConfig config) {
    return null;
  }

  /** The limits {@link #createStore()} enforces; by default the engine's defaults. */
  protected StoreLimits limits() {
    return StoreLimits.of(EngineConfig.defaults());
  }

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close().block(HANG_GUARD);
  }

  // ---------------------------------------------------------------- helpers

  protected static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  protected void put(String key, String value) {
    store.put(b(key), b(value)).block(HANG_GUARD);
  }

  protected static List<String> keys(Flux<Entry> scan) {
    return scan.map(e -> e.key().asUtf8()).collectList().block(HANG_GUARD);
  }

  protected EngineStats stats() {
    return store.stats().block(HANG_GUARD);
  }

  protected void putAll(String... keys) {
    WriteBatch.Builder w = WriteBatch.builder();
    for (String k : keys) {
      w.put(b(k), b("v-" + k));
    }
    store.write(w.build()).block(HANG_GUARD);
  }

}
