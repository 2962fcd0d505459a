package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads at one fixed sequence number. Compaction keeps what it needs until {@link #close()};
 * reads after close fail with {@link dev.weir.engine.SnapshotClosedException}.
 */
public interface StoreSnapshot {

  long sequence();

  Mono<Bytes> get(Bytes key);

  Mono<Entry> getEntry(Bytes key);

  Flux<Entry> scan(Bytes prefix);

  Flux<Entry> scan(KeyRange range);

  /** Releases the snapshot; idempotent. */
  Mono<Void> close();
}
