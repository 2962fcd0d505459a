package dev.weir.table;

import java.util.Objects;

/** An item named by its table and its key attributes, for batch and transactional reads. */
public record KeyRef(String table, Item key, GetOptions options) {

  public KeyRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    options = options == null ? GetOptions.ALL : options;
  }

  public static KeyRef of(String table, Item key) {
    return new KeyRef(table, key, GetOptions.ALL);
  }
}
