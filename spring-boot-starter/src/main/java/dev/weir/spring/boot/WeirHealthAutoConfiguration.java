package dev.weir.spring.boot;

import dev.weir.reactive.ReactiveStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code weir} ({@link WeirHealthIndicator}) when Boot's health support is
 * on the classpath (it is with the actuator); {@code management.health.weir.enabled=false}
 * turns it off.
 */
@AutoConfiguration(after = {WeirAutoConfiguration.class, WeirConnectAutoConfiguration.class})
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(ReactiveStore.class)
@ConditionalOnEnabledHealthIndicator("weir")
@EnableConfigurationProperties(WeirProperties.class)
public class WeirHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "weirHealthIndicator")
  public WeirHealthIndicator weirHealthIndicator(ReactiveStore store, WeirProperties properties) {
    return new WeirHealthIndicator(store, properties.getHealth().getFullThreshold());
  }
}
