package dev.weir.vertx;

import io.vertx.core.eventbus.Message;

/** The service's handling of one address. May throw: the binding turns it into a reply. */
@FunctionalInterface
interface Operation {
  void handle(Message<Object> request);
}
