package dev.weir.vertx;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Which store answers a client. Each store instance gets a random 64-bit identity the first
 * time it is served, kept for as long as the store lives: served again (unbound and bound, or on
 * another verticle) it is the same store with the same identity; a store opened anew (after its
 * server restarted) has another. Clients compare it on every reply, so a client never reads or
 * writes a store other than the one it was using without being told (see {@link BusClient}).
 *
 * <p>Stores are told apart by reference, never by {@code equals}, and held weakly: a closed,
 * dropped store is not kept alive by having once been served.
 */
final class StoreIdentity {

  private static final SecureRandom RANDOM = new SecureRandom();
  // guarded by itself
  private static final Map<Key, String> IDENTITIES = new HashMap<>();
  private static final ReferenceQueue<Object> DROPPED = new ReferenceQueue<>();

  private StoreIdentity() {}

  /** The identity of {@code store}: made on first use, then the same for as long as it lives. */
  static String of(Object store) {
    synchronized (IDENTITIES) {
      for (Object gone; (gone = DROPPED.poll()) != null; ) {
        IDENTITIES.remove(gone);
      }
      return IDENTITIES.computeIfAbsent(new Key(store, DROPPED),
          k -> String.format("%016x", RANDOM.nextLong()));
    }
  }

  /** A weak reference that compares by the referent's identity, and to itself once cleared. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object store, ReferenceQueue<Object> queue) {
      super(store, queue);
      this.hash = System.identityHashCode(store);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object mine = get();
      return o instanceof Key && mine != null && mine == ((Key) o).get();
    }
  }
}
