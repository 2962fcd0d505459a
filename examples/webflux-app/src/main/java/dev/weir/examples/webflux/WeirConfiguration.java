package dev.weir.examples.webflux;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store, by hand: an in-memory Weir store, its object view, and the bucket files go to. The
 * store is closed with the context, once its in-flight writes are done.
 */
@Configuration(proxyBeanMethods = false)
class WeirConfiguration {

  /** The bucket {@link FileController} keeps files in. */
  static final String FILES = "files";

  @Bean(destroyMethod = "")
  ReactiveStore weirStore() {
    return Weir.inMemory();
  }

  @Bean
  StoreCloser weirStoreCloser(ReactiveStore store) {
    return new StoreCloser(store);
  }

  @Bean
  ObjectStore weirObjects(ReactiveStore store) {
    return ObjectStore.over(store);
  }

  @Bean
  Bucket files(ObjectStore objects) {
    // creating a bucket that exists returns it unchanged; at startup, on the main thread
    objects.createBucket(FILES).block();
    return objects.bucket(FILES);
  }

  /** Closes the store when the context closes (on the closing thread, never an event loop). */
  record StoreCloser(ReactiveStore store) implements AutoCloseable {
    @Override
    public void close() {
      store.close().block();
    }
  }
}
