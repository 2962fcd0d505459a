package dev.weir.engine;

import java.util.Objects;

/**
 * A key, its value and the sequence number of the write that stored it. The sequence serves
 * as a version or ETag: it changes with every write of the key.
 */
public record Entry(Bytes key, Bytes value, long sequence) {

  public Entry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return key + "=" + value + "@" + sequence;
  }
}
