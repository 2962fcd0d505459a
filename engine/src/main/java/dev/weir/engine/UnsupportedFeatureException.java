package dev.weir.engine;

/** The feature is switched off or not offered by this store. */
public class UnsupportedFeatureException extends WeirException {

  public UnsupportedFeatureException(String message) {
    super(ErrorCode.UNSUPPORTED, message);
  }

  public UnsupportedFeatureException(String message, Throwable cause) {
    super(ErrorCode.UNSUPPORTED, message, cause);
  }
}
