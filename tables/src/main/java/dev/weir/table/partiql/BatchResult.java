package dev.weir.table.partiql;

import dev.weir.engine.WeirException;
import dev.weir.table.Item;
import java.util.Optional;

/**
 * The outcome of one statement of a batch (DynamoDB's BatchStatementResponse): the item a
 * SELECT found (empty when absent, and for a write), or the error that statement failed with;
 * the other statements of the batch ran regardless.
 */
public record BatchResult(Optional<Item> item, WeirException error) {

  public BatchResult {
    item = item == null ? Optional.empty() : item;
  }

  static BatchResult of(Optional<Item> item) {
    return new BatchResult(item, null);
  }

  static BatchResult failed(WeirException error) {
    return new BatchResult(Optional.empty(), error);
  }

  public boolean failed() {
    return error != null;
  }
}
