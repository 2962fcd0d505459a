package dev.weir.spring.boot;

import dev.weir.micrometer.WeirMetrics;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the store's metrics ({@link WeirMetrics}, a {@code MeterBinder} that Boot binds to
 * the application's registry) when a {@link MeterRegistry} exists. Runs after Boot's metrics
 * auto-configuration (Boot 4's module and Boot 3's actuator alike), so the registry is known.
 * {@code weir.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(
    after = {WeirAutoConfiguration.class, WeirConnectAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, WeirMetrics.class})
@ConditionalOnBean({MeterRegistry.class, ReactiveStore.class})
@ConditionalOnProperty(prefix = "weir.metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(WeirProperties.class)
public class WeirMetricsAutoConfiguration {

  /** Closed with the context: the store stops counting for it. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public WeirMetrics weirMetrics(ReactiveStore store, ObjectProvider<ObjectStore> objects,
      WeirProperties properties) {
    WeirProperties.Metrics m = properties.getMetrics();
    List<Tag> tags = new ArrayList<>();
    for (Map.Entry<String, String> t : m.getTags().entrySet()) {
      tags.add(Tag.of(t.getKey(), t.getValue()));
    }
    WeirMetrics.Builder builder = WeirMetrics.builder(store)
        .sampleEvery(m.getSampleEvery())
        .statsMaxAge(m.getStatsMaxAge())
        .tags(tags);
    ObjectStore objectStore = objects.getIfUnique();
    if (objectStore != null) {
      builder.objects(objectStore);
    }
    return builder.build();
  }
}
