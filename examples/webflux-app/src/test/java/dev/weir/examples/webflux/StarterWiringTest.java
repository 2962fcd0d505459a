package dev.weir.examples.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.StoreClosedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.BucketInfo;
import dev.weir.reactive.object.ObjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.test.StepVerifier;

/**
 * The application declares no store: weir-spring-boot-starter opens the one its properties
 * name, with the files bucket, and closes it when the application stops.
 */
class StarterWiringTest {

  @Test
  void theStarterOpensTheConfiguredStoreAndClosesItWithTheApplication() {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(WebfluxApp.class)
        .run("--server.port=0", "--server.address=127.0.0.1");
    ReactiveStore store;
    try {
      store = app.getBean(ReactiveStore.class);
      List<String> buckets = app.getBean(ObjectStore.class).listBuckets()
          .map(BucketInfo::name).collectList().block();
      assertEquals(List.of("files"), buckets);
      store.put(Bytes.utf8("user:wiring"), Bytes.utf8("{}")).block();
      assertTrue(store.get(Bytes.utf8("user:wiring")).blockOptional().isPresent());
    } finally {
      app.close();
    }
    assertFalse(app.isActive());
    StepVerifier.create(store.get(Bytes.utf8("user:wiring")))
        .expectError(StoreClosedException.class)
        .verify();
  }
}
