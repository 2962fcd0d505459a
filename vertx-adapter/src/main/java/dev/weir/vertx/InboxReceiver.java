package dev.weir.vertx;

import dev.weir.vertx.codec.StreamFrame;

/**
 * The client's end of a stream or an upload, registered with its {@link BusClient} under an id
 * of the client's own: frames for that id arrive here, and so does anything that ends it from
 * outside (the client closed, its lease was lost).
 */
interface InboxReceiver {

  /** A frame from the inbox, in order. */
  void accept(StreamFrame frame);

  /** It cannot go on: its open failed, the client's lease was lost, or the client closed. */
  void fail(Throwable error);
}
