package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.WriteBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * A scan of 10 million keys consumed one {@code request(1)} at a time holds constant memory:
 * nothing is materialised ahead of demand. Soak profile only ({@code ./mvnw verify -Psoak}):
 * loading 10 million keys takes a while on 2 cores.
 */
@EnabledIfSystemProperty(named = "weir.soak", matches = "true")
class HugeScanSoakTest {

  private static final int KEYS = 10_000_000;

  @Test
  void aRequestOneScanOfTenMillionKeysHoldsConstantMemory() {
    ReactiveStore store = Weir.inMemory();
    Bytes empty = Bytes.EMPTY;
    for (int i = 0; i < KEYS; i += 10_000) {
      WriteBatch.Builder batch = WriteBatch.builder();
      for (int j = i; j < i + 10_000; j++) {
        batch.put(Bytes.utf8(String.format("%010d", j)), empty);
      }
      store.write(batch.build()).block();
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] baseline = {-1};
    long[] worstGrowth = {0};
    long[] seen = {0};
    store
        .scan(Bytes.EMPTY)
        .subscribe(
            new BaseSubscriber<Entry>() {
              @Override
              protected void hookOnSubscribe(Subscription s) {
                s.request(1);
              }

              @Override
              protected void hookOnNext(Entry e) {
                if (++seen[0] % 1_000_000 == 0) {
                  System.gc();
                  long used = memory.getHeapMemoryUsage().getUsed();
                  if (baseline[0] < 0) {
                    baseline[0] = used;
                  }
                  worstGrowth[0] = Math.max(worstGrowth[0], used - baseline[0]);
                }
                request(1);
              }
            });
    assertEquals(KEYS, seen[0]);
    assertTrue(worstGrowth[0] < 64L * 1024 * 1024, "heap grew by " + worstGrowth[0] + " bytes");
    store.close().block();
  }
}
