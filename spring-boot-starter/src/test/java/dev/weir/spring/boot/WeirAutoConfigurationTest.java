package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineStats;
import dev.weir.engine.StoreClosedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.AttributeType;
import dev.weir.table.Item;
import dev.weir.table.Scan;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The embedded store's beans: made by default, shaped by the {@code weir.*} properties, backing
 * off for the application's own, and closed gracefully with the context.
 */
class WeirAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WeirConnectAutoConfiguration.class,
          WeirAutoConfiguration.class));

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void byDefaultAnInMemoryStoreIsSeenAsKeyValuesObjectsAndTables() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(ReactiveStore.class)
          .hasSingleBean(ObjectStore.class)
          .hasSingleBean(TableStore.class)
          .hasSingleBean(WeirStore.class);
      ReactiveStore store = context.getBean(ReactiveStore.class);
      store.put(b("user:1"), b("ada")).block();
      assertThat(store.get(b("user:1")).block()).isEqualTo(b("ada"));

      ObjectStore objects = context.getBean(ObjectStore.class);
      objects.createBucket("docs").block();
      objects.bucket("docs").put("a.txt", content("hello"), null).block();
      assertThat(objects.bucket("docs").head("a.txt").block().size()).isEqualTo(5);

      TableStore tables = context.getBean(TableStore.class);
      tables.createTable(TableSchema.builder("users").partitionKey("pk", AttributeType.S).build())
          .block();
      tables.table("users").putItem(Item.builder().string("pk", "u1").build()).block();
      assertThat(tables.table("users").scan(Scan.all()).count().block()).isEqualTo(1);
      // one LSM under all three
      assertThat(store.stats().block().entries()).isGreaterThan(3);
    });
  }

  private static Flux<ByteBuffer> content(String s) {
    return Flux.just(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void propertiesShapeTheStore() {
    runner.withPropertyValues("weir.dsn=mem://shaped", "weir.max-memory=64MB",
            "weir.memtable-size=1MB", "weir.versions-to-keep=3", "weir.objects.bucket=photos",
            "weir.objects.chunk-size=64KB", "weir.objects.etag=md5")
        .run(context -> {
          ReactiveStore store = context.getBean(ReactiveStore.class);
          EngineStats stats = store.stats().block();
          assertThat(stats.maxMemoryBytes()).isEqualTo(64L << 20);
          for (int i = 0; i < 5; i++) {
            store.put(b("k"), b("v" + i)).block();
          }
          assertThat(store.history(b("k")).count().block()).isEqualTo(3);

          WeirStore weir = context.getBean(WeirStore.class);
          assertThat(weir.defaultBucket().name()).isEqualTo("photos");
          ObjectStore objects = context.getBean(ObjectStore.class);
          assertThat(objects.features().md5()).isTrue();
          assertThat(objects.listBuckets().map(bucket -> bucket.name()).collectList().block())
              .containsExactly("photos");
          // 1 MB memtables: 2 MB of writes freeze one at least (flushed or waiting for it)
          Bytes value = Bytes.wrap(new byte[4096]);
          Flux.range(0, 512).concatMap(i -> store.put(b("big" + i), value)).blockLast();
          EngineStats after = store.stats().block();
          assertThat(after.flushes() + after.memtables() - 1).isPositive();
        });
  }

  @Test
  void aSettingGivenInTheDsnAndAsAPropertyIsRefusedNamingBoth() {
    runner.withPropertyValues("weir.dsn=mem://x?maxMemoryBytes=64MiB", "weir.max-memory=32MB")
        .run(context -> assertThat(context).getFailure()
            .rootCause().hasMessageContaining("maxMemoryBytes")
            .hasMessageContaining("weir.max-memory"));
  }

  @Test
  void aBadSettingFailsStartupNamingIt() {
    runner.withPropertyValues("weir.versions-to-keep=0")
        .run(context -> assertThat(context).getFailure()
            .rootCause().hasMessageContaining("versionsToKeep"));
  }

  @Test
  void aDirectoryMakesTheStoreDurableAcrossContexts(@TempDir Path dir) {
    ApplicationContextRunner durable =
        runner.withPropertyValues("weir.directory=" + dir, "weir.sync=always");
    durable.run(context -> context.getBean(ReactiveStore.class).put(b("kept"), b("yes")).block());
    durable.run(context -> assertThat(context.getBean(ReactiveStore.class).get(b("kept")).block())
        .isEqualTo(b("yes")));
  }

  @Test
  void theStoreIsClosedWhenTheContextCloses() {
    AtomicReference<ReactiveStore> store = new AtomicReference<>();
    runner.run(context -> store.set(context.getBean(ReactiveStore.class)));
    StepVerifier.create(store.get().get(b("k"))).verifyError(StoreClosedException.class);
  }

  /** An application component that writes while it shuts down, as a web server finishing. */
  static final class WritesWhileStopping implements SmartLifecycle {
    final ReactiveStore store;
    volatile CompletableFuture<Void> written;
    volatile boolean running;

    WritesWhileStopping(ReactiveStore store) {
      this.store = store;
    }

    @Override
    public void start() {
      running = true;
    }

    @Override
    public void stop() {
      List<Mono<Void>> puts = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        puts.add(store.put(b("late:" + i), b("v")));
      }
      // all subscribed now, none awaited: in flight when this component's stop returns
      written = Mono.when(puts).toFuture();
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class LateWriter {
    @Bean
    WritesWhileStopping writesWhileStopping(ReactiveStore store) {
      return new WritesWhileStopping(store);
    }
  }

  @Test
  void writesMadeWhileTheApplicationStopsLandBeforeTheStoreCloses(@TempDir Path dir) {
    AtomicReference<WritesWhileStopping> writer = new AtomicReference<>();
    ApplicationContextRunner durable =
        runner.withPropertyValues("weir.directory=" + dir).withUserConfiguration(LateWriter.class);
    durable.run(context -> writer.set(context.getBean(WritesWhileStopping.class)));

    // every write completes, none with StoreClosedException
    assertThat(writer.get().written).succeedsWithin(Duration.ofSeconds(30));
    runner.withPropertyValues("weir.directory=" + dir).run(context -> assertThat(
        context.getBean(ReactiveStore.class).scan(b("late:")).count().block()).isEqualTo(1000));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnStore {
    @Bean(destroyMethod = "") // else Spring closes it: it subscribes to a Mono a close returns
    ReactiveStore myStore() {
      return Weir.inMemory();
    }
  }

  @Test
  void theApplicationsOwnStoreWinsAndIsLeftOpen() {
    AtomicReference<ReactiveStore> own = new AtomicReference<>();
    runner.withUserConfiguration(OwnStore.class).run(context -> {
      assertThat(context).hasSingleBean(ReactiveStore.class).doesNotHaveBean(WeirStore.class);
      ReactiveStore store = context.getBean(ReactiveStore.class);
      own.set(store);
      assertThat(context.getBean("myStore")).isSameAs(store);
      // objects and tables are built over the application's store
      context.getBean(ObjectStore.class).createBucket("mine").block();
      assertThat(store.stats().block().entries()).isPositive();
      assertThat(context).hasSingleBean(TableStore.class);
    });
    assertThat(own.get().get(b("k")).block()).isNull(); // the starter left it open
    own.get().close().block();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnObjects {
    @Bean
    ObjectStore myObjects(ReactiveStore store) {
      return ObjectStore.over(store);
    }
  }

  @Test
  void theApplicationsOwnObjectStoreWins() {
    runner.withUserConfiguration(OwnObjects.class).run(context -> {
      assertThat(context).hasSingleBean(ObjectStore.class);
      assertThat(context.getBean(ObjectStore.class)).isSameAs(context.getBean("myObjects"));
    });
  }

  @Test
  void itsPropertiesAreDescribedForIdes() throws Exception {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"weir.dsn\"", "\"weir.max-memory\"", "\"weir.memtable-size\"",
          "\"weir.versions-to-keep\"", "\"weir.directory\"", "\"weir.sync\"",
          "\"weir.objects.bucket\"", "\"weir.connect.name\"", "\"weir.metrics.sample-every\"",
          "\"weir.health.full-threshold\"");
    }
  }
}
