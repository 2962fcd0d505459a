package dev.weir.vertx;

import dev.weir.reactive.StoreSnapshot;
import dev.weir.reactive.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What each client holds open on the service: snapshots and transactions (by service-given id)
 * and streams and uploads (by the client's own stream id), under a lease that every message from the client
 * renews. A client silent for longer than the lease timeout (its node died, its network split,
 * it forgot to close) loses all of it: nothing it opened outlives it for long.
 *
 * <p>Confined to the binding's event loop: every method is called there, so no locks.
 */
final class Leases {

  /** Lapsed owners remembered at most: a dead client never asks, so the oldest are dropped. */
  static final int MAX_LAPSED = 10_000;

  private final Map<String, Holder> holders = new HashMap<>();
  /**
   * Owners whose lease ran out while they held something, until they renew and hear of it. An
   * owner the service does not know is otherwise a client whose first open is still on its way
   * (its renewal can overtake it on the bus), which must not be told it lost anything.
   */
  private final Map<String, Boolean> lapsed =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_LAPSED;
        }
      };
  private final LongSupplier clock;
  private final long timeoutNanos;
  private long nextId;

  Leases(LongSupplier clock, long timeoutNanos) {
    this.clock = clock;
    this.timeoutNanos = timeoutNanos;
  }

  /** One client's lease and what it covers. */
  private static final class Holder {
    long lastSeen;
    final Map<Long, StoreSnapshot> snapshots = new HashMap<>();
    final Map<Long, Transaction> transactions = new HashMap<>();
    final Map<Long, LeasedStream> streams = new HashMap<>();

    int holds() {
      return snapshots.size() + transactions.size() + streams.size();
    }
  }

  void touch(String owner) {
    holder(owner).lastSeen = clock.getAsLong();
  }

  private Holder holder(String owner) {
    return holders.computeIfAbsent(owner, o -> new Holder());
  }

  long addSnapshot(String owner, StoreSnapshot snapshot) {
    long id = ++nextId;
    holder(owner).snapshots.put(id, snapshot);
    return id;
  }

  StoreSnapshot snapshot(String owner, long id) {
    Holder h = holders.get(owner);
    return h == null ? null : h.snapshots.get(id);
  }

  StoreSnapshot removeSnapshot(String owner, long id) {
    Holder h = holders.get(owner);
    return h == null ? null : h.snapshots.remove(id);
  }

  long addTransaction(String owner, Transaction tx) {
    long id = ++nextId;
    holder(owner).transactions.put(id, tx);
    return id;
  }

  Transaction transaction(String owner, long id) {
    Holder h = holders.get(owner);
    return h == null ? null : h.transactions.get(id);
  }

  Transaction removeTransaction(String owner, long id) {
    Holder h = holders.get(owner);
    return h == null ? null : h.transactions.remove(id);
  }

  /** False when the client already has a stream of that id: its ids must be unique. */
  boolean addStream(String owner, long id, LeasedStream stream) {
    return holder(owner).streams.putIfAbsent(id, stream) == null;
  }

  LeasedStream stream(String owner, long id) {
    Holder h = holders.get(owner);
    return h == null ? null : h.streams.get(id);
  }

  void removeStream(String owner, long id) {
    Holder h = holders.get(owner);
    if (h != null) {
      h.streams.remove(id);
    }
  }

  /**
   * Whether {@code owner}'s lease ran out while it held something since it last asked; true
   * once, so a client told of it can start afresh.
   */
  boolean takeLapsed(String owner) {
    return lapsed.remove(owner) != null;
  }

  /** Releases everything {@code owner} holds: streams cancelled, snapshots closed, rollbacks. */
  void release(String owner) {
    lapsed.remove(owner);
    Holder h = holders.remove(owner);
    if (h != null) {
      release(h);
    }
  }

  /** Releases the holdings of every client whose lease ran out; returns how many clients. */
  int sweep() {
    long now = clock.getAsLong();
    List<Holder> expired = new ArrayList<>();
    for (Iterator<Map.Entry<String, Holder>> it = holders.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Holder> e = it.next();
      Holder h = e.getValue();
      if (now - h.lastSeen > timeoutNanos) {
        it.remove();
        if (h.holds() > 0) {
          lapsed.put(e.getKey(), Boolean.TRUE);
        }
        expired.add(h);
      }
    }
    expired.forEach(Leases::release);
    return expired.size();
  }

  void releaseAll() {
    List<Holder> all = new ArrayList<>(holders.values());
    holders.clear();
    all.forEach(Leases::release);
  }

  /** Open streams, snapshots and transactions over all clients, for tests and stats. */
  int held() {
    int n = 0;
    for (Holder h : holders.values()) {
      n += h.holds();
    }
    return n;
  }

  private static void release(Holder h) {
    // copies: cancelling a stream removes it from the map being walked
    new ArrayList<>(h.streams.values()).forEach(LeasedStream::cancel);
    h.snapshots.values().forEach(s -> s.close().subscribe(v -> {}, e -> {}));
    h.transactions.values().forEach(t -> t.rollback().subscribe(v -> {}, e -> {}));
  }
}
