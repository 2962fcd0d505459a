package dev.weir.vertx;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.object.BucketNotEmptyException;
import dev.weir.reactive.object.InvalidPartException;
import dev.weir.reactive.object.InvalidPartOrderException;
import java.util.function.Function;

/**
 * Exception kinds finer than their {@link ErrorCode}, which the failure code alone cannot
 * rebuild: the kinds of {@link NotFoundException} and the object layer's refusals. The codes
 * travel beside the failure code: DO NOT CHANGE them; 0 means "the code says it all".
 */
enum FailureDetail {
  NONE(0, null, null),
  NOT_FOUND_KEY(1, ErrorCode.NOT_FOUND, m -> new NotFoundException(NotFoundException.Kind.KEY, m)),
  NOT_FOUND_BUCKET(2, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.BUCKET, m)),
  NOT_FOUND_OBJECT(3, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.OBJECT, m)),
  NOT_FOUND_UPLOAD(4, ErrorCode.NOT_FOUND,
      m -> new NotFoundException(NotFoundException.Kind.UPLOAD, m)),
  BUCKET_NOT_EMPTY(16, ErrorCode.INVALID_ARGUMENT, BucketNotEmptyException::new),
  INVALID_PART(17, ErrorCode.INVALID_ARGUMENT, InvalidPartException::new),
  INVALID_PART_ORDER(18, ErrorCode.INVALID_ARGUMENT, InvalidPartOrderException::new);

  private final int code;
  private final ErrorCode refines;
  private final Function<String, WeirException> rebuild;

  FailureDetail(int code, ErrorCode refines, Function<String, WeirException> rebuild) {
    this.code = code;
    this.refines = refines;
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
    if (e instanceof BucketNotEmptyException) {
      return BUCKET_NOT_EMPTY;
    }
    if (e instanceof InvalidPartException) {
      return INVALID_PART;
    }
    if (e instanceof InvalidPartOrderException) {
      return INVALID_PART_ORDER;
    }
    return NONE;
  }

  /**
   * The exception that {@code code} and {@code detail} name; a detail that is unknown here (a
   * newer service) or does not refine {@code code} falls back to the code's own kind.
   */
  static WeirException rebuild(int code, int detail, String message) {
    for (FailureDetail d : values()) {
      if (d.code == detail && d.refines != null && d.refines.code() == code) {
        return d.rebuild.apply(message);
      }
    }
    return WeirException.of(code, message);
  }
}
