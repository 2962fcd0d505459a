package dev.weir.engine;

/**
 * One entry of a key's history: the sequence of a write and its value, or a {@code null} value
 * for a deletion (point or range) or an expiry.
 */
public record KeyVersion(long sequence, Bytes value) {

  public boolean isDeletion() {
    return value == null;
  }

  @Override
  public String toString() {
    return (value == null ? "<deleted>" : value.toString()) + "@" + sequence;
  }
}
