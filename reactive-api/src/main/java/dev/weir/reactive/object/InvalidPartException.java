package dev.weir.reactive.object;

import dev.weir.engine.InvalidArgumentException;

/**
 * A part named at completion was never uploaded, or its ETag does not match (S3's InvalidPart).
 * Nothing changed.
 */
public final class InvalidPartException extends InvalidArgumentException {

  public InvalidPartException(String message) {
    super(message);
  }
}
