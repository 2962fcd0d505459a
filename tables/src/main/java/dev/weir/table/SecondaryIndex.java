package dev.weir.table;

import java.util.Objects;

/**
 * A secondary index: a second key over the same items, kept in its own key space and changed in
 * the same engine batch as its item, so it is always consistent with the table (DynamoDB's
 * global indexes are only eventually consistent). A local index shares the table's partition
 * key; a global one may use any key attributes. An item without the index's key attributes is
 * not in it (a sparse index).
 */
public record SecondaryIndex(String name, Kind kind, KeySchema key, Projection projection) {

  public enum Kind {
    LOCAL,
    GLOBAL
  }

  public SecondaryIndex {
    TableNames.check(name, "index name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    projection = projection == null ? Projection.all() : projection;
    if (kind == Kind.LOCAL && !key.hasSortKey()) {
      throw new ItemValidationException("local index " + name + " needs a sort key");
    }
  }

  /** A local index: the table's partition key with {@code sortKey}. */
  public static SecondaryIndex local(
      String name, KeyAttribute tablePartitionKey, KeyAttribute sortKey, Projection projection) {
    return new SecondaryIndex(
        name, Kind.LOCAL, KeySchema.of(tablePartitionKey, sortKey), projection);
  }

  public static SecondaryIndex global(String name, KeySchema key, Projection projection) {
    return new SecondaryIndex(name, Kind.GLOBAL, key, projection);
  }

  public boolean isLocal() {
    return kind == Kind.LOCAL;
  }
}
