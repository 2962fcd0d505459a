package dev.weir.table;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import java.util.Optional;

/**
 * A write whose condition expression was false; nothing changed. Carries the item as it was
 * when the write was asked for it ({@code ReturnValuesOnConditionCheckFailure = ALL_OLD}) and
 * it existed (DynamoDB's ConditionalCheckFailedException).
 */
public class ConditionFailedException extends WeirException {

  private final transient Item oldItem;

  public ConditionFailedException(String message, Item oldItem) {
    super(ErrorCode.CONDITION_FAILED, message);
    this.oldItem = oldItem;
  }

  public Optional<Item> oldItem() {
    return Optional.ofNullable(oldItem);
  }
}
