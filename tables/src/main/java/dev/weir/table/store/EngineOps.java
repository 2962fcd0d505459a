package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.Transaction;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The engine writes that item changes come to: puts, deletes, range deletes and stream log
 * records, in order, to be applied as one atomic batch, directly or through a transaction.
 * Mutable while planned, by the one operation that plans it.
 */
final class EngineOps {

  private enum Kind {
    PUT,
    DELETE,
    DELETE_PREFIX,
    LOG
  }

  private record Op(Kind kind, Bytes key, Bytes value) {}

  private final List<Op> ops = new ArrayList<>(4);

  void put(Bytes key, Bytes value) {
    ops.add(new Op(Kind.PUT, key, value));
  }

  void delete(Bytes key) {
    ops.add(new Op(Kind.DELETE, key, null));
  }

  void deletePrefix(Bytes prefix) {
    ops.add(new Op(Kind.DELETE_PREFIX, prefix, null));
  }

  void log(Bytes key, Bytes value) {
    ops.add(new Op(Kind.LOG, key, value));
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }

  int size() {
    return ops.size();
  }

  WriteBatch toBatch() {
    WriteBatch.Builder b = WriteBatch.builder();
    for (Op op : ops) {
      switch (op.kind()) {
        case PUT -> b.put(op.key(), op.value());
        case DELETE -> b.delete(op.key());
        case DELETE_PREFIX -> b.deletePrefix(op.key());
        case LOG -> b.log(op.key(), op.value());
      }
    }
    return b.build();
  }

  /** Buffers the writes in {@code tx}, in order. */
  Mono<Void> applyTo(Transaction tx) {
    // one operator for the lot (then() extends its array), not a concatMap's per-op inners;
    // each write is buffered when subscribed, so they still land in order
    if (ops.isEmpty()) {
      return Mono.empty();
    }
    Mono<Void> all = apply(tx, ops.get(0));
    for (int i = 1; i < ops.size(); i++) {
      all = all.then(apply(tx, ops.get(i)));
    }
    return all;
  }

  private static Mono<Void> apply(Transaction tx, Op op) {
    return switch (op.kind()) {
      case PUT -> tx.put(op.key(), op.value());
      case DELETE -> tx.delete(op.key());
      case DELETE_PREFIX -> tx.deletePrefix(op.key());
      case LOG -> tx.log(op.key(), op.value());
    };
  }
}
