package dev.weir.cli;

import dev.weir.engine.StoreClosedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.ClientOptions;
import dev.weir.vertx.EventBusObjectStore;
import dev.weir.vertx.EventBusStore;
import dev.weir.vertx.EventBusTableStore;
import dev.weir.table.TableStore;
import java.time.Duration;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * {@code weir shell --connect}: this process joins the cluster as a node and uses the served
 * store through an {@link EventBusStore}, and its objects through an {@link
 * EventBusObjectStore}, and its tables through an {@link EventBusTableStore} (made at the first
 * table command), so every command works as on a local store. A store served without
 * objects (by another program) is used for its keys; the object commands then say so.
 *
 * <p>A full member, not a Hazelcast lite member: a lite member would join and leave without
 * moving partitions, but once the server (the only data member) is gone it cannot even
 * unregister its own consumers, so closing after the server stopped would hang until the
 * bound.
 */
final class BusConnection implements StoreHandle {

  /**
   * Renewing often makes a stream (a watch) on a store that stopped fail within seconds: the
   * renewal finds no handler. It costs one small message every interval, and only while
   * something is open.
   */
  static final ClientOptions OPTIONS =
      ClientOptions.defaults().withRenewInterval(Duration.ofSeconds(2));

  /** A hang guard on leaving; closing takes a round trip and the cluster's goodbye. */
  static final Duration CLOSE_BOUND = Duration.ofSeconds(10);

  private final VertxNode node;
  private final EventBusStore store;
  private final EventBusObjectStore objects; // null: the store is served without objects
  private final String name;
  private final String where;
  private EventBusTableStore tables; // the shell's thread only; null until a table command

  private BusConnection(VertxNode node, String name, EventBusStore store,
      EventBusObjectStore objects, String where) {
    this.node = node;
    this.name = name;
    this.store = store;
    this.objects = objects;
    this.where = where;
  }

  /**
   * Joins the cluster and checks that {@code name} is served there (one round trip), so a
   * wrong name or cluster is one error at start rather than on every command; then connects to
   * its objects (another round trip, which learns the store's object features).
   */
  static StoreHandle connect(ClusterSettings settings, String name) {
    VertxNode node = VertxNode.join(settings, true);
    EventBusStore store = EventBusStore.create(node.vertx, name, OPTIONS);
    try {
      Await.value(store.stats());
      return new BusConnection(node, name, store, objects(node, name),
          "the cluster " + settings.name());
    } catch (RuntimeException e) {
      node.close(CLOSE_BOUND);
      throw new ShellException("not served on the cluster "
          + settings.name() + " (members " + String.join(",", settings.members()) + "): "
          + Shell.describe(e));
    }
  }

  /** The objects of the store served as {@code name}, or null when it is served without. */
  private static EventBusObjectStore objects(VertxNode node, String name) {
    try {
      return VertxNode.await(EventBusObjectStore.connect(node.vertx, name, OPTIONS),
          Await.TIMEOUT);
    } catch (RuntimeException e) {
      if (Exceptions.unwrap(e) instanceof StoreClosedException) {
        return null; // nobody answers at its object addresses: a key-value store only
      }
      throw e;
    }
  }

  @Override
  public ReactiveStore kv() {
    return store;
  }

  @Override
  public ObjectStore objects() {
    return objects;
  }

  @Override
  public TableStore tables() {
    if (tables == null) {
      tables = EventBusTableStore.create(node.vertx, name, OPTIONS);
    }
    return tables;
  }

  @Override
  public String remote() {
    return where;
  }

  /** Closes the clients (the served store stays open for others), then leaves the cluster. */
  @Override
  public void close() {
    try {
      Mono<Void> clients = objects == null ? store.close() : objects.close().then(store.close());
      Await.value(tables == null ? clients : tables.close().then(clients), CLOSE_BOUND);
    } finally {
      node.close(CLOSE_BOUND);
    }
  }
}
