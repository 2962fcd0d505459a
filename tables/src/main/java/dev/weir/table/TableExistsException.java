package dev.weir.table;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;

/** A table created under a name already taken (DynamoDB's ResourceInUseException). */
public class TableExistsException extends WeirException {

  public TableExistsException(String message) {
    super(ErrorCode.TABLE_EXISTS, message);
  }
}
