package dev.weir.table;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import java.util.List;

/**
 * A table transaction that wrote nothing, with one reason per item in request order, {@code
 * NONE} for the items that were not at fault (DynamoDB's TransactionCanceledException).
 */
public class TransactionCanceledException extends WeirException {

  private final transient List<CancellationReason> reasons;

  public TransactionCanceledException(List<CancellationReason> reasons) {
    super(ErrorCode.TRANSACTION_CANCELED, describe(reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<CancellationReason> reasons() {
    return reasons;
  }

  private static String describe(List<CancellationReason> reasons) {
    StringBuilder s = new StringBuilder("transaction cancelled, reasons [");
    for (int i = 0; i < reasons.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(reasons.get(i).code());
    }
    return s.append(']').toString();
  }
}
