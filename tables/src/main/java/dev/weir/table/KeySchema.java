package dev.weir.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A primary key, or an index's key: a partition key and an optional sort key. Items with the
 * same partition key are kept together, ordered by sort key.
 */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {

  public KeySchema {
    Objects.requireNonNull(partitionKey, "partitionKey");
    if (sortKey != null && sortKey.name().equals(partitionKey.name())) {
      throw new ItemValidationException(
          "the sort key must not be the partition key attribute " + partitionKey.name());
    }
  }

  public static KeySchema of(KeyAttribute partitionKey) {
    return new KeySchema(partitionKey, null);
  }

  public static KeySchema of(KeyAttribute partitionKey, KeyAttribute sortKey) {
    return new KeySchema(partitionKey, sortKey);
  }

  public Optional<KeyAttribute> sortKeyIfAny() {
    return Optional.ofNullable(sortKey);
  }

  public boolean hasSortKey() {
    return sortKey != null;
  }

  /** Whether {@code name} is one of this key's attributes. */
  public boolean isKeyAttribute(String name) {
    return partitionKey.name().equals(name) || (sortKey != null && sortKey.name().equals(name));
  }

  @Override
  public String toString() {
    return partitionKey.name() + ":" + partitionKey.type()
        + (sortKey == null ? "" : ", " + sortKey.name() + ":" + sortKey.type());
  }
}
