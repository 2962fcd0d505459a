package dev.weir.reactive.object;

import dev.weir.engine.InvalidArgumentException;

/**
 * The parts named at completion are not in strictly ascending order (S3's InvalidPartOrder).
 * Nothing changed.
 */
public final class InvalidPartOrderException extends InvalidArgumentException {

  public InvalidPartOrderException(String message) {
    super(message);
  }
}
