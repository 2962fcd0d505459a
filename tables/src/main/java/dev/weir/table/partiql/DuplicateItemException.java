package dev.weir.table.partiql;

import dev.weir.table.ConditionFailedException;

/**
 * An {@code INSERT} of an item whose key is taken; nothing changed (DynamoDB's
 * DuplicateItemException). A {@link ConditionFailedException}, so CONDITION_FAILED on the wire.
 */
public class DuplicateItemException extends ConditionFailedException {

  public DuplicateItemException(String message) {
    super(message, null);
  }
}
