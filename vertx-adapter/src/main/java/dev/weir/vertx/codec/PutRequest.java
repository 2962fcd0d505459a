package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.reactive.PutOptions;

/**
 * A put. {@code withOptions} tells {@code put(k, v)} (completes empty) from {@code put(k, v,
 * options)} (emits whether it wrote); {@code options} may then be {@code null}, meaning
 * defaults, exactly as the store's own method takes it.
 */
public record PutRequest(Bytes key, Bytes value, boolean withOptions, PutOptions options) {

  public static PutRequest plain(Bytes key, Bytes value) {
    return new PutRequest(key, value, false, null);
  }

  public static PutRequest withOptions(Bytes key, Bytes value, PutOptions options) {
    return new PutRequest(key, value, true, options);
  }
}
