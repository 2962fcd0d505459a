package dev.weir.engine;

/**
 * The named thing (bucket, object, upload...) does not exist. {@link #kind()} says which kind
 * of thing, so a caller can tell a missing bucket from a missing object without parsing the
 * message; exceptions built without a kind (and those rebuilt from a bare code) say {@link
 * Kind#UNSPECIFIED}.
 */
public class NotFoundException extends WeirException {

  /** What was not found. Not serialised by ordinal: add values, never reorder. */
  public enum Kind {
    UNSPECIFIED,
    KEY,
    BUCKET,
    OBJECT,
    UPLOAD
  }

  private final Kind kind;

  public NotFoundException(String message) {
    this(Kind.UNSPECIFIED, message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, cause);
    this.kind = Kind.UNSPECIFIED;
  }

  public NotFoundException(Kind kind, String message) {
    super(ErrorCode.NOT_FOUND, message);
    this.kind = kind == null ? Kind.UNSPECIFIED : kind;
  }

  public Kind kind() {
    return kind;
  }
}
