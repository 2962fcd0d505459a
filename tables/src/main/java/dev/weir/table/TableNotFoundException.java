package dev.weir.table;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;

/** A table, or an index of a table, that does not exist (DynamoDB's ResourceNotFoundException). */
public class TableNotFoundException extends WeirException {

  public TableNotFoundException(String message) {
    super(ErrorCode.TABLE_NOT_FOUND, message);
  }
}
