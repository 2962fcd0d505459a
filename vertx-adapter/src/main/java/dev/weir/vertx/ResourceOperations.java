package dev.weir.vertx;

import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.header;
import static dev.weir.vertx.Requests.longHeader;

import dev.weir.engine.SnapshotClosedException;
import dev.weir.engine.TransactionClosedException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.reactive.Transaction;
import dev.weir.vertx.codec.Handle;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import io.vertx.core.eventbus.Message;
import java.util.Map;

/**
 * Snapshots and transactions: opened on the service, leased to the client that opened them and
 * named by id in later requests. An id the service does not hold (closed, committed, rolled
 * back, or expired with its lease) reads as a closed snapshot or transaction, the same error
 * the embedded store gives for using one after close.
 */
final class ResourceOperations {

  private final StoreBinding binding;
  private final ReactiveStore store;

  private ResourceOperations(StoreBinding binding, ReactiveStore store) {
    this.binding = binding;
    this.store = store;
  }

  /** Adds the operations; returns them for the streams that read through a snapshot or tx. */
  static ResourceOperations addTo(Map<String, Operation> ops, StoreBinding binding,
      ReactiveStore store) {
    ResourceOperations r = new ResourceOperations(binding, store);
    ops.put(Addresses.SNAPSHOT, r::openSnapshot);
    ops.put(Addresses.SNAPSHOT_GET,
        m -> Replies.answer(m, r.snapshot(m).get(body(m, KeyRequest.class).key())));
    ops.put(Addresses.SNAPSHOT_GET_ENTRY,
        m -> Replies.answer(m, r.snapshot(m).getEntry(body(m, KeyRequest.class).key())));
    ops.put(Addresses.SNAPSHOT_CLOSE, r::closeSnapshot);
    ops.put(Addresses.BEGIN, r::begin);
    ops.put(Addresses.TX_GET,
        m -> Replies.answer(m, r.transaction(m).get(body(m, KeyRequest.class).key())));
    ops.put(Addresses.TX_PUT, m -> {
      PutRequest p = body(m, PutRequest.class);
      Replies.answer(m, r.transaction(m).put(p.key(), p.value()));
    });
    ops.put(Addresses.TX_LOG, m -> {
      PutRequest p = body(m, PutRequest.class);
      Replies.answer(m, r.transaction(m).log(p.key(), p.value()));
    });
    ops.put(Addresses.TX_DELETE,
        m -> Replies.answer(m, r.transaction(m).delete(body(m, KeyRequest.class).key())));
    ops.put(Addresses.TX_DELETE_PREFIX,
        m -> Replies.answer(m, r.transaction(m).deletePrefix(body(m, KeyRequest.class).key())));
    ops.put(Addresses.TX_NESTED, r::nested);
    ops.put(Addresses.TX_COMMIT, m -> Replies.answer(m, r.endTransaction(m).commit()));
    ops.put(Addresses.TX_ROLLBACK, m -> Replies.answer(m, r.endTransaction(m).rollback()));
    return r;
  }

  private void openSnapshot(Message<Object> m) {
    String owner = header(m, Addresses.OWNER);
    store.snapshot().subscribe(
        snap -> binding.onLoop(() -> {
          long id = binding.leases().addSnapshot(owner, snap);
          m.reply(new Handle(id, snap.sequence(), true));
        }),
        e -> Failures.reply(m, e));
  }

  StoreSnapshot snapshot(Message<Object> m) {
    long id = longHeader(m, Addresses.SNAPSHOT_ID);
    StoreSnapshot s = binding.leases().snapshot(header(m, Addresses.OWNER), id);
    if (s == null) {
      throw new SnapshotClosedException("snapshot " + id + " is closed or its lease expired");
    }
    return s;
  }

  private void closeSnapshot(Message<Object> m) {
    long id = longHeader(m, Addresses.SNAPSHOT_ID);
    StoreSnapshot s = binding.leases().removeSnapshot(header(m, Addresses.OWNER), id);
    if (s == null) {
      m.reply(null); // closing twice is fine
    } else {
      Replies.answer(m, s.close());
    }
  }

  private void begin(Message<Object> m) {
    String owner = header(m, Addresses.OWNER);
    boolean readOnly = body(m, Boolean.class);
    store.begin(readOnly).subscribe(
        tx -> binding.onLoop(() -> register(m, owner, tx)),
        e -> Failures.reply(m, e));
  }

  private void nested(Message<Object> m) {
    register(m, header(m, Addresses.OWNER), transaction(m).nested());
  }

  private void register(Message<Object> m, String owner, Transaction tx) {
    long id = binding.leases().addTransaction(owner, tx);
    m.reply(new Handle(id, tx.snapshotSequence(), tx.isReadOnly()));
  }

  Transaction transaction(Message<Object> m) {
    long id = longHeader(m, Addresses.TX_ID);
    Transaction tx = binding.leases().transaction(header(m, Addresses.OWNER), id);
    if (tx == null) {
      throw closedTransaction(id);
    }
    return tx;
  }

  /** Commit and rollback end the lease whatever their outcome. */
  private Transaction endTransaction(Message<Object> m) {
    long id = longHeader(m, Addresses.TX_ID);
    Transaction tx = binding.leases().removeTransaction(header(m, Addresses.OWNER), id);
    if (tx == null) {
      throw closedTransaction(id);
    }
    return tx;
  }

  private static TransactionClosedException closedTransaction(long id) {
    return new TransactionClosedException(
        "transaction " + id + " is committed, rolled back or its lease expired");
  }
}
