package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.object.BucketNotEmptyException;
import dev.weir.reactive.object.InvalidPartException;
import dev.weir.reactive.object.InvalidPartOrderException;
import dev.weir.engine.Bytes;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.ItemValidationException;
import dev.weir.table.TableExistsException;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.partiql.DuplicateItemException;
import dev.weir.table.partiql.PartiqlSyntaxException;
import dev.weir.vertx.codec.FailurePayload;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Exception kinds finer than their {@link ErrorCode}, which the failure code alone cannot
 * rebuild: the kinds of {@link NotFoundException}, the object layer's refusals and the tables'
 * exceptions (whose extras, an old item or a transaction's reasons, travel as a payload). The codes
 * travel beside the failure code: DO NOT CHANGE them; 0 means "the code says it all".
 */
enum FailureDetail {
  NONE(0, null, null, (BiFunction<String, Bytes, WeirException>) null),
  NOT_FOUND_KEY(1, ErrorCode.NOT_FOUND, m -> new NotFoundException(NotFoundException.Kind.KEY, m)),
  NOT_FOUND_BUCKET(2, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.BUCKET, m)),
  NOT_FOUND_OBJECT(3, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.OBJECT, m)),
  NOT_FOUND_UPLOAD(4, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.UPLOAD, m)),
  BUCKET_NOT_EMPTY(16, ErrorCode.INVALID_ARGUMENT, BucketNotEmptyException.class,
      BucketNotEmptyException::new),
  INVALID_PART(17, ErrorCode.INVALID_ARGUMENT, InvalidPartException.class,
      InvalidPartException::new),
  INVALID_PART_ORDER(18, ErrorCode.INVALID_ARGUMENT, InvalidPartOrderException.class,
      InvalidPartOrderException::new),
  // tables: the kinds their codes alone do not rebuild (WeirException.of knows no tables)
  ITEM_VALIDATION(32, ErrorCode.INVALID_ARGUMENT, ItemValidationException.class,
      ItemValidationException::new),
  // a PartiQL syntax error before the expression error it is a kind of: the first match wins
  PARTIQL_SYNTAX(39, ErrorCode.INVALID_ARGUMENT, PartiqlSyntaxException.class,
      FailurePayload::partiqlSyntax),
  EXPRESSION(33, ErrorCode.INVALID_ARGUMENT, ExpressionException.class,
      FailurePayload::expression),
  TABLE_NOT_FOUND(34, ErrorCode.TABLE_NOT_FOUND, TableNotFoundException.class,
      TableNotFoundException::new),
  TABLE_EXISTS(35, ErrorCode.TABLE_EXISTS, TableExistsException.class,
      TableExistsException::new),
  DUPLICATE_ITEM(38, ErrorCode.CONDITION_FAILED, DuplicateItemException.class,
      DuplicateItemException::new),
  CONDITION_FAILED(36, ErrorCode.CONDITION_FAILED, ConditionFailedException.class,
      FailurePayload::conditionFailed),
  TRANSACTION_CANCELED(37, ErrorCode.TRANSACTION_CANCELED, TransactionCanceledException.class,
      FailurePayload::canceled);

  private final int code;
  private final ErrorCode refines;
  /** The class this detail names (the first constant whose class matches wins); null: none. */
  private final Class<? extends WeirException> kind;
  private final BiFunction<String, Bytes, WeirException> rebuild;

  /** A kind of not-found, which its {@code NotFoundException.Kind} names, not its class. */
  FailureDetail(int code, ErrorCode refines, Function<String, WeirException> rebuild) {
    this(code, refines, null, rebuild);
  }

  FailureDetail(int code, ErrorCode refines, Class<? extends WeirException> kind,
      Function<String, WeirException> rebuild) {
    this(code, refines, kind, (BiFunction<String, Bytes, WeirException>)
        (m, payload) -> rebuild.apply(m));
  }

  /** {@code rebuild} takes the message and the payload (see {@link FailurePayload}), or null. */
  FailureDetail(int code, ErrorCode refines, Class<? extends WeirException> kind,
      BiFunction<String, Bytes, WeirException> rebuild) {
    this.code = code;
    this.refines = refines;
    this.kind = kind;
    this.rebuild = rebuild;
  }

  int code() {
    return code;
  }

  /** The detail of {@code e}; {@link #NONE} for every kind its code alone rebuilds. */
  static FailureDetail of(Throwable e) {
    if (e instanceof NotFoundException) {
      switch (((NotFoundException) e).kind()) {
        case KEY:
          return NOT_FOUND_KEY;
        case BUCKET:
          return NOT_FOUND_BUCKET;
        case OBJECT:
          return NOT_FOUND_OBJECT;
        case UPLOAD:
          return NOT_FOUND_UPLOAD;
        default:
          return NONE;
      }
    }
    for (FailureDetail d : values()) {
      if (d.kind != null && d.kind.isInstance(e)) {
        return d;
      }
    }
    return NONE;
  }

  /**
   * The exception that {@code code} and {@code detail} name, with what {@code payload} (or null)
   * carries; a detail that is unknown here (a
   * newer service) or does not refine {@code code} falls back to the code's own kind.
   */
  static WeirException rebuild(int code, int detail, String message, Bytes payload) {
    for (FailureDetail d : values()) {
      if (d.code == detail && d.refines != null && d.refines.code() == code) {
        return d.rebuild.apply(message, payload);
      }
    }
    return WeirException.of(code, message);
  }
}
