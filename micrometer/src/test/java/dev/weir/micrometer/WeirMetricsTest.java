package dev.weir.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The meters a store publishes exist, read the engine's figures and move with the operations
 * they count; timing samples as configured; polling never blocks.
 */
class WeirMetricsTest {

  private static final long BUDGET = 64L * 1024 * 1024;

  private final ReactiveStore store =
      Weir.inMemory(EngineConfig.builder().name("metrics").maxMemoryBytes(BUDGET).build());
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    store.close().block();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private WeirMetrics bindEveryOperationTimed() {
    WeirMetrics metrics = WeirMetrics.builder(store)
        .sampleEvery(1)
        .statsMaxAge(Duration.ZERO)
        .tags(Tags.of("store", "users"))
        .build();
    metrics.bindTo(registry);
    return metrics;
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  private long timed(String operation, String outcome) {
    return (long) registry.get("weir.operation")
        .tags("operation", operation, "outcome", outcome).functionTimer().count();
  }

  @Test
  void engineFiguresArePublishedAndMove() {
    bindEveryOperationTimed();
    assertEquals(BUDGET, gauge("weir.memory.budget", "store", "users"));
    double before = gauge("weir.memory.live");
    for (int i = 0; i < 100; i++) {
      store.put(b("k" + i), b("value " + i)).block();
    }
    assertTrue(gauge("weir.memory.live") > before, "live bytes did not grow");
    assertEquals(100, gauge("weir.entries"));
    assertEquals(1, gauge("weir.memtables"));
    assertEquals(100, counter("weir.writes.applied"));

    store.compact().block();
    assertTrue(counter("weir.flushes") >= 1);
    assertTrue(counter("weir.flush.written") > 0);
    double runs = 0;
    for (int level = 0; level < EngineMeters.LEVELS; level++) {
      runs += gauge("weir.runs", "level", Integer.toString(level));
    }
    assertEquals(1, runs, "a compacted store is one run");
    assertEquals(0, gauge("weir.read.only"));
    assertEquals(0, gauge("weir.writes.pending"));
  }

  @Test
  void everyOperationIsCountedAndTimedWhenSamplingAll() {
    bindEveryOperationTimed();
    store.put(b("a"), b("1")).block();
    store.get(b("a")).block();
    store.get(b("missing")).block();
    store.delete(b("a")).block();
    store.write(WriteBatch.builder().put(b("c"), b("3")).build()).block();
    store.scan(b("")).blockLast();
    store.transact(tx -> tx.put(b("d"), b("4"))).block();

    assertEquals(1, counter("weir.operations", "operation", "put"));
    assertEquals(2, counter("weir.operations", "operation", "get"));
    assertEquals(1, counter("weir.operations", "operation", "delete"));
    assertEquals(1, counter("weir.operations", "operation", "write"));
    assertEquals(1, counter("weir.operations", "operation", "scan"));
    assertEquals(1, counter("weir.operations", "operation", "transaction"));
    assertEquals(2, timed("get", "success"));
    assertEquals(1, timed("transaction", "success"));
    assertEquals(1, counter("weir.transactions.commits"));
  }

  @Test
  void failuresAreCountedAndTimedAsErrors() {
    bindEveryOperationTimed();
    StepVerifier.create(store.put(Bytes.EMPTY, b("v"))).expectError().verify();
    StepVerifier.create(store.get(Bytes.EMPTY)).expectError().verify();

    assertEquals(1, counter("weir.operations.failed", "operation", "put"));
    assertEquals(1, counter("weir.operations.failed", "operation", "get"));
    assertEquals(1, timed("put", "error"));
    assertEquals(0, timed("put", "success"));
  }

  @Test
  void aConflictIsCountedWithTheRetryThatOvercameIt() {
    bindEveryOperationTimed();
    store.put(b("n"), b("0")).block();
    AtomicBoolean meddled = new AtomicBoolean();
    store.transact(tx -> tx.get(b("n"))
        .flatMap(v -> (meddled.getAndSet(true) ? Mono.<Void>empty()
            : store.put(b("n"), b("outside"))).then(tx.put(b("n"), b("mine"))))).block();

    assertEquals(1, counter("weir.transactions.conflicts"));
    assertEquals(1, counter("weir.transactions.retries"));
    assertEquals(1, counter("weir.transactions.commits"));
    assertEquals(0, counter("weir.operations.failed", "operation", "transaction"));
  }

  @Test
  void byDefaultOnlyASampleIsTimedWhileEveryOperationIsCounted() {
    WeirMetrics.bind(store, registry);
    store.put(b("k"), b("v")).block();
    int gets = 64 * 100;
    for (int i = 0; i < gets; i++) {
      store.get(b("k")).block();
    }
    assertEquals(gets, counter("weir.operations", "operation", "get"));
    long sampled = timed("get", "success");
    // one in 64 on average, 100 expected: outside 40..160 is six standard deviations away
    assertTrue(sampled >= 40 && sampled <= 160, "timed " + sampled + " of " + gets);
  }

  @Test
  void countsOfThreadsThatEndedAreKept() throws Exception {
    bindEveryOperationTimed();
    for (int t = 0; t < 3; t++) {
      Thread reader = new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          store.get(b("k")).block();
        }
      });
      reader.start();
      reader.join();
      assertEquals(100 * (t + 1), counter("weir.operations", "operation", "get"));
    }
    assertEquals(300, timed("get", "success"));
    assertTrue(registry.get("weir.operation").tags("operation", "get", "outcome", "success")
        .functionTimer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
  }

  @Test
  void objectCountersAreSummedOverBuckets() {
    WeirStore weir = Weir.open("mem://objects?bucket=photos").block();
    try {
      WeirMetrics.builder(weir.kv()).objects(weir.objects()).statsMaxAge(Duration.ZERO).build()
          .bindTo(registry);
      weir.objects().createBucket("docs").block();
      put(weir.defaultBucket(), "a.jpg", "12345");
      put(weir.objects().bucket("docs"), "b.txt", "678");
      weir.defaultBucket().startUpload("big.bin", null).block();

      assertEquals(2, gauge("weir.objects"));
      assertEquals(8, gauge("weir.objects.size"));
      assertEquals(1, gauge("weir.uploads.open"));
    } finally {
      weir.close().block();
    }
  }

  private static void put(Bucket bucket, String key, String content) {
    bucket.put(key, Flux.just(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8))), null)
        .block();
  }

  @Test
  void timersOfEveryBoundRegistryRecord() {
    WeirMetrics metrics = WeirMetrics.builder(store).sampleEvery(1).build();
    MeterRegistry other = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    metrics.bindTo(other);
    store.get(b("k")).block();

    assertEquals(1, timed("get", "success"));
    assertEquals(1, other.get("weir.operation")
        .tags("operation", "get", "outcome", "success").functionTimer().count());
  }

  @Test
  void closingStopsCountingAndLetsAnotherBinderObserve() {
    WeirMetrics metrics = bindEveryOperationTimed();
    store.get(b("k")).block();
    metrics.close();
    store.get(b("k")).block();
    assertEquals(1, counter("weir.operations", "operation", "get"));

    WeirMetrics again = WeirMetrics.builder(store).build();
    assertTrue(again.observesOperations());
    assertThrows(IllegalStateException.class, () -> WeirMetrics.builder(store).build(),
        "a second observer while one is on");
  }

  @Test
  void aStoreThatCannotBeObservedStillPublishesItsFigures() {
    ReactiveStore wrapped = (ReactiveStore) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ReactiveStore.class}, (proxy, m, args) -> {
          try {
            return m.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    WeirMetrics metrics = WeirMetrics.builder(wrapped).statsMaxAge(Duration.ZERO).build();
    metrics.bindTo(registry);
    wrapped.put(b("k"), b("v")).block();

    assertFalse(metrics.observesOperations());
    assertEquals(1, gauge("weir.entries"));
    assertTrue(registry.find("weir.operations").meters().isEmpty());
  }

  @Test
  void pollingOnAnEventLoopNeverBlocksAndAClosedStoreKeepsItsLastFigures() {
    bindEveryOperationTimed();
    store.put(b("k"), b("v")).block();
    double live = Mono.fromCallable(() -> gauge("weir.memory.live"))
        .subscribeOn(Schedulers.parallel())
        .block();
    assertTrue(live > 0);

    store.close().block();
    assertEquals(live, gauge("weir.memory.live"), "a closed store's gauge reads its last figure");
  }
}
