package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.Bytes;
import dev.weir.micrometer.WeirMetrics;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With Boot's metrics (a registry), the store's meters are registered and move with what the
 * application does; without a registry, nothing is observed.
 */
class WeirMetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WeirConnectAutoConfiguration.class,
          WeirAutoConfiguration.class, WeirMetricsAutoConfiguration.class));

  private final ApplicationContextRunner withRegistry = runner.withConfiguration(
      AutoConfigurations.of(MetricsAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class,
          SimpleMetricsExportAutoConfiguration.class));

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void theStoresMetersArePublishedAndMove() {
    withRegistry.withPropertyValues("weir.metrics.stats-max-age=0s",
            "weir.metrics.sample-every=1", "weir.metrics.tags.store=users",
            "weir.objects.bucket=docs")
        .run(context -> {
          assertThat(context).hasSingleBean(WeirMetrics.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          ReactiveStore store = context.getBean(ReactiveStore.class);
          double live = registry.get("weir.memory.live").tag("store", "users").gauge().value();
          double puts = registry.get("weir.operations").tags("operation", "put")
              .functionCounter().count();

          for (int i = 0; i < 10; i++) {
            store.put(b("k" + i), b("v")).block();
          }
          store.get(b("k1")).block();

          assertThat(registry.get("weir.memory.live").gauge().value()).isGreaterThan(live);
          assertThat(registry.get("weir.operations").tags("operation", "put")
              .functionCounter().count()).isEqualTo(puts + 10);
          assertThat(registry.get("weir.operation").tags("operation", "get", "outcome", "success")
              .functionTimer().count()).isEqualTo(1);
          assertThat(registry.get("weir.writes.applied").functionCounter().count())
              .isGreaterThanOrEqualTo(10);
          assertThat(registry.get("weir.objects").gauge().value()).isZero();
          context.getBean(ObjectStore.class).bucket("docs")
              .put("a", reactor.core.publisher.Flux.just(java.nio.ByteBuffer.wrap(new byte[3])),
                  null).block();
          assertThat(registry.get("weir.objects").gauge().value()).isEqualTo(1);
        });
  }

  @Test
  void withoutARegistryNothingIsPublished() {
    runner.run(context -> assertThat(context).doesNotHaveBean(WeirMetrics.class));
  }

  @Test
  void itCanBeTurnedOff() {
    withRegistry.withPropertyValues("weir.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(WeirMetrics.class));
  }
}
