package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.Objects;

/**
 * A key condition with its placeholders bound against one table's or index's key schema: the
 * partition key's value and, when the condition has one, the test on the sort key.
 */
public record BoundKeyCondition(AttributeValue partitionValue, SortCondition sortOrNull) {

  public BoundKeyCondition {
    Objects.requireNonNull(partitionValue, "partitionValue");
  }

  /**
   * Whether {@code item} is one the condition selects: its partition key attribute equals the
   * partition value and, when there is a sort test, its sort key attribute passes it.
   */
  public boolean matches(Item item, String partitionKeyName, String sortKeyNameOrNull) {
    if (!partitionValue.equals(item.get(partitionKeyName))) {
      return false;
    }
    return sortOrNull == null
        || (sortKeyNameOrNull != null && sortOrNull.test(item.get(sortKeyNameOrNull)));
  }
}
