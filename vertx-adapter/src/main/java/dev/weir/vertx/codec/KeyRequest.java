package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;

/**
 * A request about one key (or prefix) and a number whose meaning the address gives: the
 * expected sequence of a compare-and-delete, the first sequence of a resumed watch; 0 elsewhere.
 * The key may be {@code null}: the store, not the bus, refuses it.
 */
public record KeyRequest(Bytes key, long arg) {

  public static KeyRequest of(Bytes key) {
    return new KeyRequest(key, 0);
  }
}
