package dev.weir.table;

import java.util.Map;

/**
 * A table as it is now: its schema, its live items and their bytes (as DynamoDB sizes items),
 * the items each index holds, and when it was created. The counts are exact at the moment of
 * the description (DynamoDB's are refreshed every six hours). Immutable.
 */
public record TableDescription(
    TableSchema schema,
    long itemCount,
    long sizeBytes,
    Map<String, Long> indexItemCounts,
    long createdAtEpochMillis) {

  public TableDescription {
    indexItemCounts = Map.copyOf(indexItemCounts);
  }

  public String name() {
    return schema.name();
  }
}
