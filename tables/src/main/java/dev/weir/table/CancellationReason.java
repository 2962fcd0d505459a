package dev.weir.table;

import java.util.Objects;
import java.util.Optional;

/**
 * Why one item of a cancelled transaction failed, or {@link Code#NONE} when it did not: the
 * codes are DynamoDB's. {@code item} is the item as it was, when asked for and present.
 */
public record CancellationReason(Code code, String message, Item item) {

  /** DynamoDB's cancellation reason codes. */
  public enum Code {
    NONE("None"),
    CONDITIONAL_CHECK_FAILED("ConditionalCheckFailed"),
    VALIDATION_ERROR("ValidationError"),
    TRANSACTION_CONFLICT("TransactionConflict"),
    /** A PartiQL INSERT of a key that is taken (ExecuteTransaction's reason). */
    DUPLICATE_ITEM("DuplicateItem");

    private final String wireName;

    Code(String wireName) {
      this.wireName = wireName;
    }

    /** The code as DynamoDB spells it on the wire. */
    public String wireName() {
      return wireName;
    }
  }

  public static final CancellationReason NONE = new CancellationReason(Code.NONE, null, null);

  public CancellationReason {
    Objects.requireNonNull(code, "code");
  }

  public Optional<Item> oldItem() {
    return Optional.ofNullable(item);
  }
}
