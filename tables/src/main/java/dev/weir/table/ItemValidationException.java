package dev.weir.table;

import dev.weir.engine.InvalidArgumentException;

/**
 * An item, attribute value or key refused before anything changed: a missing or mistyped key
 * attribute, an item over 400 KB, an invalid attribute name, a number out of range, an empty or
 * duplicated set (DynamoDB's ValidationException).
 */
public class ItemValidationException extends InvalidArgumentException {

  public ItemValidationException(String message) {
    super(message);
  }
}
