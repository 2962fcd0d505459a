package dev.weir.engine;

/**
 * Receives the outcome of one write, exactly once, after the write is visible to every reader
 * (or failed, having changed nothing). Called on the completion executor; must not block.
 */
public interface WriteCallback {

  /**
   * @param sequence the sequence number the write was given (the last one for a batch)
   * @param result for a delete, 1 if a live value existed and 0 if not; for a prefix or range
   *     delete, the number of live keys it deleted; otherwise 0
   */
  void onSuccess(long sequence, long result);

  void onError(WeirException error);
}
