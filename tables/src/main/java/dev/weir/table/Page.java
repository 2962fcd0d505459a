package dev.weir.table;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query or scan: the items that passed the filter, how many were evaluated, and
 * the key to resume after when the read stopped early (at its limit or at 1 MB of items, as
 * DynamoDB does); no key means the read is complete. Immutable.
 */
public record Page(List<Item> items, int scannedCount, Item lastEvaluatedKey) {

  public Page {
    items = List.copyOf(items);
  }

  public int count() {
    return items.size();
  }

  public Optional<Item> lastEvaluatedKeyIfAny() {
    return Optional.ofNullable(lastEvaluatedKey);
  }

  public boolean hasMore() {
    return lastEvaluatedKey != null;
  }
}
