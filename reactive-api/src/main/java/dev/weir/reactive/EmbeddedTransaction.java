package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.Engine;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.ReadOnlyTransactionException;
import dev.weir.engine.Snapshot;
import dev.weir.engine.TransactionClosedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link Transaction} over the engine: reads at a pinned engine {@link Snapshot} through its
 * own {@link WriteBuffer} (and its parent's, when nested), records what it read, and commits
 * through the engine's validated commit. The state moves once, by CAS, from open to committed or
 * rolled back; the snapshot is released exactly once, by whichever move ends the root.
 */
final class EmbeddedTransaction implements Transaction {

  private static final int OPEN = 0;
  private static final int COMMITTING = 1;
  private static final int COMMITTED = 2;
  private static final int ROLLED_BACK = 3;

  private final Engine engine;
  private final Snapshot snapshot;
  private final EmbeddedTransaction parent;
  private final boolean readOnly;
  private final WriteBuffer buffer = new WriteBuffer();
  private final Set<Bytes> readKeys = new LinkedHashSet<>();
  private final List<KeyRange> readRanges = new ArrayList<>();
  private final AtomicInteger state = new AtomicInteger(OPEN);

  private EmbeddedTransaction(
      Engine engine, Snapshot snapshot, EmbeddedTransaction parent, boolean readOnly) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.parent = parent;
    this.readOnly = readOnly;
  }

  static EmbeddedTransaction begin(Engine engine, boolean readOnly) {
    return new EmbeddedTransaction(engine, engine.snapshot(), null, readOnly);
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public long snapshotSequence() {
    return snapshot.sequence();
  }

  @Override
  public Mono<Bytes> get(Bytes key) {
    return new MonoRead<>(
        () -> {
          checkOpen();
          if (key == null) {
            throw new InvalidArgumentException("key must not be null");
          }
          return read(key);
        });
  }

  /** Own writes first, then the parent's, then the snapshot (recorded for validation). */
  private Bytes read(Bytes key) {
    WriteBuffer.Lookup own = buffer.lookup(key);
    if (own.known()) {
      return own.value();
    }
    if (parent != null) {
      readKeys.add(key);
      return parent.read(key);
    }
    Bytes value = engine.get(key, snapshot);
    readKeys.add(key);
    return value;
  }

  @Override
  public Flux<Entry> scan(Bytes prefix) {
    return Flux.defer(
        () -> {
          if (prefix == null) {
            return Flux.error(new InvalidArgumentException("prefix must not be null"));
          }
          return scan(KeyRange.prefix(prefix));
        });
  }

  @Override
  public Flux<Entry> scan(KeyRange range) {
    return new FluxScan(
        () -> {
          checkOpen();
          if (range == null) {
            throw new InvalidArgumentException("range must not be null");
          }
          return view(range);
        });
  }

  private Cursor view(KeyRange range) {
    readRanges.add(range.limit(KeyRange.NO_LIMIT));
    KeyRange unlimited = range.limit(KeyRange.NO_LIMIT);
    Cursor below =
        parent != null
            ? parent.view(unlimited)
            : FluxScan.adapt(engine.scan(unlimited, snapshot));
    return new OverlayCursor(below, buffer, range);
  }

  @Override
  public Mono<Void> put(Bytes key, Bytes value) {
    return write(() -> buffer.put(checked(key), checkedValue(value)));
  }

  @Override
  public Mono<Void> delete(Bytes key) {
    return write(() -> buffer.delete(checked(key)));
  }

  @Override
  public Mono<Void> deletePrefix(Bytes prefix) {
    return write(() -> buffer.deletePrefix(checked(prefix)));
  }

  @Override
  public Mono<Void> log(Bytes key, Bytes value) {
    return write(() -> buffer.log(checked(key), checkedValue(value)));
  }

  private Mono<Void> write(Runnable buffered) {
    return new MonoRead<Void>(
        () -> {
          checkOpen();
          if (readOnly) {
            throw new ReadOnlyTransactionException("the transaction is read-only");
          }
          buffered.run();
          return null;
        });
  }

  @Override
  public Transaction nested() {
    return new EmbeddedTransaction(engine, snapshot, this, readOnly);
  }

  @Override
  public Mono<Void> commit() {
    return Mono.defer(
        () -> {
          if (!state.compareAndSet(OPEN, COMMITTING)) {
            return Mono.error(closed("commit"));
          }
          if (parent != null) {
            return foldIntoParent();
          }
          if (readOnly || buffer.isEmpty()) {
            // reads from one snapshot are serializable as they are: nothing to validate
            finish(COMMITTED);
            return Mono.empty();
          }
          return new MonoWrite<Void>(
                  cb ->
                      engine.commit(
                          snapshot.sequence(),
                          List.copyOf(readKeys),
                          List.copyOf(readRanges),
                          buffer.toBatch(),
                          cb),
                  r -> null)
              .doFinally(signal -> finish(COMMITTED));
        });
  }

  private Mono<Void> foldIntoParent() {
    try {
      parent.checkOpen();
    } catch (TransactionClosedException e) {
      state.set(ROLLED_BACK);
      return Mono.error(e);
    }
    parent.buffer.appendAll(buffer);
    parent.readKeys.addAll(readKeys);
    parent.readRanges.addAll(readRanges);
    state.set(COMMITTED);
    return Mono.empty();
  }

  @Override
  public Mono<Void> rollback() {
    return Mono.defer(
        () -> {
          int s = state.get();
          if (s == ROLLED_BACK) {
            return Mono.empty();
          }
          if (s != OPEN || !state.compareAndSet(OPEN, ROLLED_BACK)) {
            return Mono.error(closed("roll back"));
          }
          if (parent == null) {
            snapshot.close();
          }
          return Mono.empty();
        });
  }

  /** Ends the transaction quietly, e.g. when its work was cancelled. */
  void abandon() {
    if (state.compareAndSet(OPEN, ROLLED_BACK) && parent == null) {
      snapshot.close();
    }
  }

  private void finish(int end) {
    state.set(end);
    if (parent == null) {
      snapshot.close();
    }
  }

  private void checkOpen() {
    if (state.get() != OPEN) {
      throw closed("use");
    }
  }

  private TransactionClosedException closed(String what) {
    int s = state.get();
    String how = s == ROLLED_BACK ? "rolled back" : "committed";
    return new TransactionClosedException("cannot " + what + " a transaction already " + how);
  }

  /** Checked when buffered, so that a bad write fails at once, not at commit. */
  private Bytes checked(Bytes key) {
    if (key == null) {
      throw new InvalidArgumentException("key must not be null");
    }
    if (key.isEmpty()) {
      throw new InvalidArgumentException("key must not be empty");
    }
    if (key.length() > engine.config().maxKeySize()) {
      throw new InvalidArgumentException(
          "key is " + key.length() + " bytes, more than maxKeySize ("
              + engine.config().maxKeySize() + ")");
    }
    return key;
  }

  private Bytes checkedValue(Bytes value) {
    if (value == null) {
      throw new InvalidArgumentException("value must not be null");
    }
    if (value.length() > engine.config().maxValueSize()) {
      throw new InvalidArgumentException(
          "value is " + value.length() + " bytes, more than maxValueSize ("
              + engine.config().maxValueSize() + ")");
    }
    return value;
  }
}
