package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What reading commands read from: the live store, or the snapshot the user opened.
 * {@link ReactiveStore} and {@link StoreSnapshot} share these methods but no interface.
 */
interface Reads {

  Mono<Bytes> get(Bytes key);

  Flux<Entry> scan(KeyRange range);

  static Reads of(ReactiveStore store) {
    return new Reads() {
      @Override
      public Mono<Bytes> get(Bytes key) {
        return store.get(key);
      }

      @Override
      public Flux<Entry> scan(KeyRange range) {
        return store.scan(range);
      }
    };
  }

  static Reads of(StoreSnapshot snapshot) {
    return new Reads() {
      @Override
      public Mono<Bytes> get(Bytes key) {
        return snapshot.get(key);
      }

      @Override
      public Flux<Entry> scan(KeyRange range) {
        return snapshot.scan(range);
      }
    };
  }
}
