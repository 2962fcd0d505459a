package dev.weir.spring.boot;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import reactor.core.publisher.Mono;

/**
 * A store the starter opened itself, so the starter closes it; an application's own {@link
 * WeirStore} bean is never this type and is left to the application.
 */
record OpenedStore(WeirStore store) implements WeirStore {

  @Override
  public ReactiveStore kv() {
    return store.kv();
  }

  @Override
  public ObjectStore objects() {
    return store.objects();
  }

  @Override
  public Bucket defaultBucket() {
    return store.defaultBucket();
  }

  @Override
  public Mono<Void> close() {
    return store.close();
  }
}
