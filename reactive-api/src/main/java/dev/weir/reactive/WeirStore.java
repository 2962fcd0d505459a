package dev.weir.reactive;

import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import reactor.core.publisher.Mono;

/**
 * A store opened from a DSN ({@link Weir#open(String)}): one LSM seen both as key-value pairs
 * and as buckets of objects. The object layer keeps its keys under the reserved prefix {@code
 * "\u0000o"} of {@link #kv()}; key-value code must not write there.
 */
public interface WeirStore {

  /** The key-value view. */
  ReactiveStore kv();

  /** The object view, over the same store. */
  ObjectStore objects();

  /** The bucket the DSN named ({@code ?bucket=}); null when it named none. */
  Bucket defaultBucket();

  /** Closes the store; idempotent. */
  Mono<Void> close();
}
