package dev.weir.testkit;

import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.ReactiveStore;
import java.time.Duration;
import java.util.List;

/**
 * Everything a caller can observe of a store's data: every live entry with its sequence, and
 * the last sequence given. Two equal digests mean nothing changed, not even a sequence number
 * spent by a write that should have been refused.
 */
public record StoreDigest(List<Entry> entries, long lastSequence) {

  static final Duration HANG_GUARD = Duration.ofSeconds(30);

  public static StoreDigest of(ReactiveStore store) {
    List<Entry> entries = store.scan(KeyRange.all()).collectList().block(HANG_GUARD);
    long last = store.stats().block(HANG_GUARD).lastSequence();
    return new StoreDigest(List.copyOf(entries), last);
  }

  @Override
  public String toString() {
    return entries.size() + " entries, last sequence " + lastSequence + ": " + entries;
  }
}
