package dev.weir.table.codec;

import dev.weir.table.ItemValidationException;

/**
 * DynamoDB's bound on nesting, counted as DynamoDB counts it: a top-level attribute's value is
 * at level 1 and a member of a list or map one level below the list or map; a value at level 33
 * is refused (31 maps inside a top-level map may hold a scalar, 32 may not). Set members do not
 * nest. Every codec refuses deeper values, which also bounds its recursion.
 */
final class Nesting {
  static final int MAX_LEVEL = 32;

  private Nesting() {}

  static ItemValidationException tooDeep(String where) {
    return new ItemValidationException(
        "attribute values nest more than " + MAX_LEVEL + " levels deep (DynamoDB's limit)"
            + where);
  }
}
