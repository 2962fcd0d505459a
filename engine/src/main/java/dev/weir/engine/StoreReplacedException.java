package dev.weir.engine;

/**
 * A remote store answered that it is not the store its client was using: the one the client
 * knew stopped, and another (new, usually empty) is now served under the same name. The
 * operation was not run. Later operations of the same client use the new store, so this is
 * seen once per client; whoever needs the old data must write it again.
 */
public class StoreReplacedException extends WeirException {

  public StoreReplacedException(String message) {
    super(ErrorCode.STORE_REPLACED, message);
  }
}
