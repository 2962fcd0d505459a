package dev.weir.vertx;

/**
 * The service's end of a stream a client holds under its lease: a stream of results to the
 * client ({@link ServerStream}) or of content from it ({@link ServerUpload}).
 */
interface LeasedStream {

  /**
   * Called on the event loop: the client cancelled, or its lease ran out. Releases what the
   * stream holds in the store (a snapshot, a feed, an unfinished upload, which stores nothing).
   */
  void cancel();
}
