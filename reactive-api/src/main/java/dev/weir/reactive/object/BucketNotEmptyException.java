package dev.weir.reactive.object;

import dev.weir.engine.InvalidArgumentException;

/**
 * The bucket still holds objects or open uploads; delete them first (S3's BucketNotEmpty).
 * Nothing changed.
 */
public final class BucketNotEmptyException extends InvalidArgumentException {

  public BucketNotEmptyException(String message) {
    super(message);
  }
}
