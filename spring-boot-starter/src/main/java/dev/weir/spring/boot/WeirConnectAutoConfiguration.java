package dev.weir.spring.boot;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.vertx.ClientOptions;
import dev.weir.vertx.EventBusObjectStore;
import dev.weir.vertx.EventBusStore;
import dev.weir.vertx.EventBusTableStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import reactor.core.publisher.Mono;

/**
 * With {@code weir.connect.name}, the beans are clients of a store served on a Vert.x event bus
 * ({@code weir serve}, {@code StoreService.bind}) instead of an embedded store: {@link
 * EventBusStore}, {@link EventBusObjectStore} and {@link EventBusTableStore}, which implement
 * the same interfaces. They use the application's {@link Vertx} bean (a clustered one reaches
 * stores on other nodes); without one, the starter makes a local Vert.x, which reaches stores
 * served in this JVM, and closes it after the clients. Closing a client never closes the served
 * store.
 */
@AutoConfiguration
@ConditionalOnClass(EventBusStore.class)
@Conditional(ConnectConditions.Connecting.class)
@EnableConfigurationProperties(WeirProperties.class)
public class WeirConnectAutoConfiguration {

  /** How long startup waits for the served store's objects to answer. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** The Vert.x the clients use: the application's, or a local one the starter closes. */
  record BusVertx(Vertx vertx, boolean owned) {}

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public BusVertx weirBusVertx(ObjectProvider<Vertx> vertx) {
    Vertx own = vertx.getIfUnique();
    return own != null ? new BusVertx(own, false) : new BusVertx(Vertx.vertx(), true);
  }

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public ReactiveStore reactiveStore(BusVertx bus, WeirProperties properties) {
    return EventBusStore.create(bus.vertx(), properties.getConnect().getName(),
        options(properties.getConnect()));
  }

  /** Closes the clients this configuration made, then a Vert.x the starter made. */
  @Bean
  @ConditionalOnMissingBean(name = "weirStoreLifecycle")
  public StoreLifecycle weirStoreLifecycle(BusVertx bus, ObjectProvider<ReactiveStore> store,
      ObjectProvider<ObjectStore> objects, ObjectProvider<TableStore> tables) {
    ReactiveStore client = store.getIfUnique();
    ObjectStore objectClient = objects.getIfUnique();
    TableStore tableClient = tables.getIfUnique();
    Mono<Void> others = Mono.when(
        objectClient instanceof EventBusObjectStore o ? o.close() : Mono.empty(),
        tableClient instanceof EventBusTableStore t ? t.close() : Mono.empty());
    Mono<Void> vertx = bus.owned()
        ? Mono.defer(() -> Mono.fromCompletionStage(bus.vertx().close().toCompletionStage()))
        : Mono.empty();
    return new StoreLifecycle(client instanceof EventBusStore ? client : null,
        others.then(vertx));
  }

  /**
   * The served store's objects; connecting asks the service once, so startup fails (naming the
   * store) when nothing serves objects under that name. {@code weir.connect.objects=false}
   * leaves this bean out.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "weir.connect", name = "objects", matchIfMissing = true)
  public ObjectStore objectStore(BusVertx bus, WeirProperties properties) {
    WeirProperties.Connect c = properties.getConnect();
    try {
      return EventBusObjectStore.connect(bus.vertx(), c.getName(), options(c))
          .toCompletionStage().toCompletableFuture()
          .orTimeout(CONNECT_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .join(); // the thread creating the context may wait
    } catch (CompletionException e) {
      throw new IllegalStateException("cannot connect to the objects of the Weir store served as '"
          + c.getName() + "': " + e.getCause(), e.getCause());
    }
  }

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public TableStore tableStore(BusVertx bus, WeirProperties properties) {
    return EventBusTableStore.create(bus.vertx(), properties.getConnect().getName(),
        options(properties.getConnect()));
  }

  private static ClientOptions options(WeirProperties.Connect c) {
    ClientOptions options = ClientOptions.defaults();
    if (c.getPrefix() != null) {
      options = options.withPrefix(c.getPrefix());
    }
    if (c.getRequestTimeout() != null) {
      options = options.withRequestTimeout(c.getRequestTimeout());
    }
    return options;
  }
}
