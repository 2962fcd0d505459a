package dev.weir.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a table is: its name, primary key, secondary indexes, TTL attribute and stream view.
 * Immutable and checked when built, with DynamoDB's limits: at most 5 local and 20 global
 * indexes, unique index names, one type per key attribute across the table and its indexes, and
 * local indexes only on a table with a sort key.
 *
 * <pre>{@code
 * TableSchema users = TableSchema.builder("users")
 *     .partitionKey("pk", AttributeType.S)
 *     .sortKey("sk", AttributeType.S)
 *     .localIndex("by-email", KeyAttribute.string("email"), Projection.all())
 *     .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")), Projection.keysOnly())
 *     .ttl("expires_at")
 *     .stream(StreamView.NEW_AND_OLD_IMAGES)
 *     .build();
 * }</pre>
 */
public record TableSchema(
    String name,
    KeySchema key,
    List<SecondaryIndex> indexes,
    String ttlAttribute,
    StreamView streamView) {

  public static final int MAX_LOCAL_INDEXES = 5;
  public static final int MAX_GLOBAL_INDEXES = 20;

  public TableSchema {
    TableNames.check(name, "table name");
    Objects.requireNonNull(key, "key");
    indexes = List.copyOf(indexes == null ? List.of() : indexes);
    streamView = streamView == null ? StreamView.OFF : streamView;
    if (ttlAttribute != null) {
      if (ttlAttribute.isEmpty()) {
        throw new ItemValidationException("the TTL attribute name must not be empty");
      }
      StringRules.checkUtf16(ttlAttribute, "TTL attribute name");
    }
    checkIndexes(name, key, indexes);
  }

  private static void checkIndexes(String table, KeySchema key, List<SecondaryIndex> indexes) {
    Map<String, AttributeType> types = new HashMap<>();
    defineTypes(types, key, "table " + table);
    Set<String> names = new HashSet<>();
    int locals = 0;
    int globals = 0;
    for (SecondaryIndex index : indexes) {
      Objects.requireNonNull(index, "index");
      if (!names.add(index.name())) {
        throw new ItemValidationException(
            "table " + table + " declares index " + index.name() + " twice");
      }
      if (index.isLocal()) {
        locals++;
        if (!key.hasSortKey()) {
          throw new ItemValidationException("local index " + index.name()
              + " needs a table with a sort key; table " + table + " has none");
        }
        if (!index.key().partitionKey().equals(key.partitionKey())) {
          throw new ItemValidationException("local index " + index.name()
              + " must use the table's partition key " + key.partitionKey().name());
        }
      } else {
        globals++;
      }
      defineTypes(types, index.key(), "index " + index.name());
    }
    if (locals > MAX_LOCAL_INDEXES) {
      throw new ItemValidationException(
          "a table has at most " + MAX_LOCAL_INDEXES + " local indexes, not " + locals);
    }
    if (globals > MAX_GLOBAL_INDEXES) {
      throw new ItemValidationException(
          "a table has at most " + MAX_GLOBAL_INDEXES + " global indexes, not " + globals);
    }
  }

  private static void defineTypes(Map<String, AttributeType> types, KeySchema key, String where) {
    List<KeyAttribute> attributes = new ArrayList<>(2);
    attributes.add(key.partitionKey());
    if (key.hasSortKey()) {
      attributes.add(key.sortKey());
    }
    for (KeyAttribute a : attributes) {
      AttributeType before = types.putIfAbsent(a.name(), a.type());
      if (before != null && before != a.type()) {
        throw new ItemValidationException("attribute " + a.name() + " is " + before
            + " in one key and " + a.type() + " in " + where + ": one type per key attribute");
      }
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Optional<String> ttlAttributeIfAny() {
    return Optional.ofNullable(ttlAttribute);
  }

  /** The index called {@code indexName}; a {@link TableNotFoundException} when there is none. */
  public SecondaryIndex index(String indexName) {
    for (SecondaryIndex index : indexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    throw new TableNotFoundException("table " + name + " has no index " + indexName);
  }

  // a local index waits for build(), which knows the table's partition key
  private record LocalIndexSpec(String name, KeyAttribute sortKey, Projection projection) {}

  /** Builds a {@link TableSchema}; checks everything at {@link #build()}. */
  public static final class Builder {
    private final String name;
    private KeyAttribute partitionKey;
    private KeyAttribute sortKey;
    private final List<LocalIndexSpec> locals = new ArrayList<>();
    private final List<SecondaryIndex> globals = new ArrayList<>();
    private String ttlAttribute;
    private StreamView streamView = StreamView.OFF;

    private Builder(String name) {
      this.name = name;
    }

    public Builder partitionKey(String attribute, AttributeType type) {
      this.partitionKey = new KeyAttribute(attribute, type);
      return this;
    }

    public Builder sortKey(String attribute, AttributeType type) {
      this.sortKey = new KeyAttribute(attribute, type);
      return this;
    }

    /** A local index on the table's partition key and {@code sortKey}. */
    public Builder localIndex(String indexName, KeyAttribute sortKey, Projection projection) {
      locals.add(new LocalIndexSpec(indexName, sortKey, projection));
      return this;
    }

    public Builder globalIndex(String indexName, KeySchema key, Projection projection) {
      globals.add(SecondaryIndex.global(indexName, key, projection));
      return this;
    }

    /** The attribute holding each item's expiry, in epoch seconds (a number). */
    public Builder ttl(String attribute) {
      this.ttlAttribute = attribute;
      return this;
    }

    public Builder stream(StreamView view) {
      this.streamView = view;
      return this;
    }

    public TableSchema build() {
      if (partitionKey == null) {
        throw new ItemValidationException("table " + name + " needs a partition key");
      }
      List<SecondaryIndex> indexes = new ArrayList<>();
      for (LocalIndexSpec local : locals) {
        indexes.add(SecondaryIndex.local(
            local.name(), partitionKey, local.sortKey(), local.projection()));
      }
      indexes.addAll(globals);
      return new TableSchema(
          name, KeySchema.of(partitionKey, sortKey), indexes, ttlAttribute, streamView);
    }
  }
}
