package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.Bytes;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.vertx.EventBusObjectStore;
import dev.weir.vertx.EventBusStore;
import dev.weir.vertx.EventBusTableStore;
import dev.weir.vertx.StoreBinding;
import dev.weir.vertx.StoreService;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

/**
 * {@code weir.connect.name}: the beans are clients of a store served on the event bus (here on
 * the application's own Vert.x, as a node serving and using it would be), no embedded store is
 * opened, and closing the context closes the clients, not the served store.
 */
class WeirConnectTest {

  private Vertx vertx;
  private WeirStore served;
  private StoreBinding binding;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WeirConnectAutoConfiguration.class,
          WeirAutoConfiguration.class))
      .withBean(Vertx.class, () -> vertx, d -> d.setDestroyMethodName(""));

  @BeforeEach
  void serve() throws Exception {
    vertx = Vertx.vertx();
    served = Weir.open("mem://served?bucket=docs").block();
    binding = StoreService.bind(vertx, served, "users")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    binding.unbind().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    served.close().block(Duration.ofSeconds(30));
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void theBeansAreClientsOfTheServedStore() {
    runner.withPropertyValues("weir.connect.name=users", "weir.connect.request-timeout=5s")
        .run(context -> {
          assertThat(context).doesNotHaveBean(WeirStore.class);
          assertThat(context.getBean(ReactiveStore.class)).isInstanceOf(EventBusStore.class);
          assertThat(context.getBean(ObjectStore.class)).isInstanceOf(EventBusObjectStore.class);
          assertThat(context.getBean(TableStore.class)).isInstanceOf(EventBusTableStore.class);

          context.getBean(ReactiveStore.class).put(b("user:1"), b("ada"))
              .block(Duration.ofSeconds(10));
          assertThat(served.kv().get(b("user:1")).block()).isEqualTo(b("ada"));
          context.getBean(ObjectStore.class).bucket("docs")
              .put("a.txt", Flux.just(ByteBuffer.wrap(new byte[] {1, 2})), null)
              .block(Duration.ofSeconds(10));
          assertThat(served.defaultBucket().head("a.txt").block().size()).isEqualTo(2);
          assertThat(context.getBean(ReactiveStore.class).stats().block(Duration.ofSeconds(10))
              .entries()).isEqualTo(served.kv().stats().block().entries());
        });
    // the client closed with the context; the served store did not
    assertThat(served.kv().get(b("user:1")).block()).isEqualTo(b("ada"));
  }

  @Test
  void aNameNothingServesFailsStartupNamingIt() {
    runner.withPropertyValues("weir.connect.name=nobody", "weir.connect.request-timeout=2s")
        .run(context -> assertThat(context).getFailure().hasMessageContaining("nobody"));
  }

  @Test
  void withoutObjectsOnlyKeyValuesAndTablesConnect() {
    runner.withPropertyValues("weir.connect.name=nobody", "weir.connect.objects=false")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(ObjectStore.class)
            .hasSingleBean(ReactiveStore.class));
  }
}
