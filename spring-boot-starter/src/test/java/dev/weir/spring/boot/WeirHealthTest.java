package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineStats;
import dev.weir.engine.StoreFullException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.vertx.ClientOptions;
import dev.weir.vertx.EventBusStore;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The health indicator {@code weir}: UP for a working store, OUT_OF_SERVICE when it is full or
 * read-only, DOWN once closed; with the budget, its use and the last error in the details.
 */
class WeirHealthTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WeirConnectAutoConfiguration.class,
          WeirAutoConfiguration.class, WeirHealthAutoConfiguration.class));

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void aWorkingStoreIsUpWithItsBudgetInTheDetails() {
    runner.withPropertyValues("weir.max-memory=64MB").run(context -> {
      Health health = context.getBean(WeirHealthIndicator.class).health().block();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("maxMemoryBytes", 64L << 20)
          .containsEntry("full", false).containsEntry("readOnly", false)
          .containsKeys("liveBytes", "used", "pendingWrites", "openSnapshots")
          .doesNotContainKey("lastError");
    });
  }

  @Test
  void aFullStoreIsOutOfService() {
    runner.withPropertyValues("weir.max-memory=8MB", "weir.memtable-size=1MB").run(context -> {
      ReactiveStore store = context.getBean(ReactiveStore.class);
      Bytes value = Bytes.wrap(new byte[64 * 1024]);
      Throwable refused = Flux.range(0, 1000)
          .concatMap(i -> store.put(b("k" + i), value))
          .then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just)
          .block();
      assertThat(refused).isInstanceOf(StoreFullException.class);

      Health health = context.getBean(WeirHealthIndicator.class).health().block();
      assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(health.getDetails()).containsEntry("full", true);
      assertThat((Double) health.getDetails().get("used")).isGreaterThanOrEqualTo(0.9);
    });
  }

  @Test
  void aReadOnlyStoreIsOutOfServiceWithItsFailure() {
    ReactiveStore failed = storeWithStats(stats("dev.weir.engine.StorageFailedException: disk"));
    Health health = new WeirHealthIndicator(failed, 0.9).health().block();

    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(health.getDetails()).containsEntry("readOnly", true)
        .containsEntry("lastError", "dev.weir.engine.StorageFailedException: disk");
  }

  @Test
  void aClosedStoreIsDown() {
    runner.run(context -> {
      context.getBean(ReactiveStore.class).close().block();
      Health health = context.getBean(WeirHealthIndicator.class).health().block();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("closed", true).containsKey("lastError");
    });
  }

  @Test
  void aServedStoreThatDoesNotAnswerIsDown() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ReactiveStore client = EventBusStore.create(vertx, "nobody",
          ClientOptions.defaults().withRequestTimeout(Duration.ofMillis(200)));
      Health health = new WeirHealthIndicator(client, 0.9).health().block(Duration.ofSeconds(10));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("lastError");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @Test
  void itCanBeTurnedOff() {
    runner.withPropertyValues("management.health.weir.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(WeirHealthIndicator.class));
  }

  private static EngineStats stats(String failure) {
    return new EngineStats(0, 0, 1000, 1 << 20, 1, List.of(0), 0, 0, 0, 0, 0, null, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, failure);
  }

  /** A store whose stats are {@code stats}; nothing else is called. */
  private static ReactiveStore storeWithStats(EngineStats stats) {
    return (ReactiveStore) Proxy.newProxyInstance(WeirHealthTest.class.getClassLoader(),
        new Class<?>[] {ReactiveStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("stats")) {
            return Mono.just(stats);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
