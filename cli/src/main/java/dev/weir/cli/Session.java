package dev.weir.cli;

import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import java.util.function.Consumer;

/**
 * The state one shell carries between commands: the store, the open snapshot and the batch
 * being collected, if any, the output format, and whether the user asked to leave. Used by one
 * thread only, the shell's.
 */
final class Session {

  private final ReactiveStore store;
  private final String storeName;
  private StoreSnapshot snapshot;
  private WriteBatch.Builder batch;
  private int batchSize;
  private Formatter.Kind format = Formatter.Kind.TABLE;
  private boolean exitRequested;

  Session(ReactiveStore store, String storeName) {
    this.store = store;
    this.storeName = storeName;
  }

  ReactiveStore store() {
    return store;
  }

  String storeName() {
    return storeName;
  }

  /** Where reads go: the open snapshot if there is one, else the live store. */
  Reads reads() {
    return snapshot != null ? Reads.of(snapshot) : Reads.of(store);
  }

  StoreSnapshot snapshot() {
    return snapshot;
  }

  void snapshot(StoreSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  boolean inBatch() {
    return batch != null;
  }

  void startBatch() {
    batch = WriteBatch.builder();
    batchSize = 0;
  }

  /**
   * Adds one operation to the open batch; returns how many it holds. {@code op} parses its
   * arguments before touching the builder, so a bad argument leaves the batch as it was.
   */
  int queue(Consumer<WriteBatch.Builder> op) {
    op.accept(batch);
    return ++batchSize;
  }

  int batchSize() {
    return batchSize;
  }

  /** Closes the batch being collected and hands it over. */
  WriteBatch takeBatch() {
    WriteBatch b = batch.build();
    batch = null;
    batchSize = 0;
    return b;
  }

  void discardBatch() {
    batch = null;
    batchSize = 0;
  }

  Formatter.Kind format() {
    return format;
  }

  void format(Formatter.Kind format) {
    this.format = format;
  }

  boolean exitRequested() {
    return exitRequested;
  }

  void requestExit() {
    exitRequested = true;
  }

  /** The interactive prompt, which shows an open batch or snapshot so neither is forgotten. */
  String prompt() {
    if (batch != null) {
      return "weir[batch " + batchSize + "]> ";
    }
    return snapshot != null ? "weir[snapshot]> " : "weir> ";
  }
}
