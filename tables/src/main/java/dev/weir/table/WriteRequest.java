package dev.weir.table;

import java.util.Objects;

/** A put or a delete of a batch write: unconditional, one per item of the batch. */
public record WriteRequest(String table, Kind kind, Item item) {

  public enum Kind {
    PUT,
    DELETE
  }

  public WriteRequest {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(item, "item");
  }

  public static WriteRequest put(String table, Item item) {
    return new WriteRequest(table, Kind.PUT, item);
  }

  /** Deletes the item with these key attributes. */
  public static WriteRequest delete(String table, Item key) {
    return new WriteRequest(table, Kind.DELETE, key);
  }
}
