package dev.weir.spring.boot;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import reactor.core.publisher.Mono;

/**
 * An embedded Weir store from the {@code weir.*} properties, seen as a {@link ReactiveStore},
 * an {@link ObjectStore} and a {@link TableStore}; closed gracefully when the context stops
 * (see {@link StoreLifecycle}). Off when {@code weir.connect.name} names a served store instead
 * ({@link WeirConnectAutoConfiguration}). Each bean backs off for one of the application's own:
 * given its own {@code ReactiveStore}, the objects and tables are built over it, and closing it
 * is left to the application.
 */
@AutoConfiguration(after = WeirConnectAutoConfiguration.class)
@Conditional(ConnectConditions.Embedded.class)
@EnableConfigurationProperties(WeirProperties.class)
public class WeirAutoConfiguration {

  /**
   * The store the DSN opens. Opening a durable store reads its directory: this runs on the
   * thread creating the context, where waiting is allowed.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean({WeirStore.class, ReactiveStore.class})
  public OpenedStore weirStore(WeirProperties properties) {
    StoreDsn dsn = StoreDsn.of(properties);
    return new OpenedStore(Weir.open(dsn.dsn(), dsn.settings()).block());
  }

  /** Closes the store the starter opened; none when the application gave its own. */
  @Bean
  @ConditionalOnMissingBean(name = "weirStoreLifecycle")
  public StoreLifecycle weirStoreLifecycle(ObjectProvider<OpenedStore> opened) {
    OpenedStore store = opened.getIfUnique();
    return new StoreLifecycle(store == null ? null : store.kv(), Mono.empty());
  }

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public ReactiveStore reactiveStore(WeirStore weirStore) {
    return weirStore.kv();
  }

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public ObjectStore objectStore(ObjectProvider<WeirStore> weirStore, ReactiveStore store) {
    WeirStore weir = weirStore.getIfUnique();
    // the DSN's own object store (its bucket, chunk size, ETag); else one over the user's store
    return weir != null && weir.kv() == store ? weir.objects() : ObjectStore.over(store);
  }

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public TableStore tableStore(ReactiveStore store) {
    return Tables.over(store);
  }
}
