package dev.weir.cli;

import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.StoreSnapshot;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state one shell carries between commands: the store (its key-value and object views),
 * its tables, the open snapshot and the batch being collected, if any, what completion knows
 * of the tables, the output format, whether the user
 * asked to leave, and where a streaming command ({@code watch}) prints as it goes. Used by one
 * thread only, the shell's.
 */
final class Session {

  private final ReactiveStore store;
  private final ObjectStore objects;
  private final String storeName;
  private final String remote;
  private final Supplier<TableStore> tableSource;
  private final TableHints hints = new TableHints();
  private TableStore tables;
  private boolean interactive;
  private Interrupts interrupts = Interrupts.NONE;
  private Consumer<Result> printer = result -> {};
  private StoreSnapshot snapshot;
  private WriteBatch.Builder batch;
  private int batchSize;
  private Formatter.Kind format = Formatter.Kind.TABLE;
  private boolean exitRequested;

  Session(ReactiveStore store, ObjectStore objects, String storeName) {
    this(store, objects, storeName, null);
  }

  /**
   * {@code objects} is {@code null} when the store has no object view; {@code remote} says
   * where the store is when it is not in this process (for the banner), else {@code null}.
   */
  Session(ReactiveStore store, ObjectStore objects, String storeName, String remote) {
    this(store, objects, storeName, remote, () -> Tables.over(store));
  }

  /**
   * {@code tables} gives the store's tables when a table command first needs them (so a shell
   * that never uses tables never loads them); whoever gives them closes them.
   */
  Session(ReactiveStore store, ObjectStore objects, String storeName, String remote,
      Supplier<TableStore> tables) {
    this.store = store;
    this.objects = objects;
    this.storeName = storeName;
    this.remote = remote;
    this.tableSource = tables;
  }

  ReactiveStore store() {
    return store;
  }

  /**
   * The object view of {@link #store()}: the same LSM, under the reserved key prefix. A store
   * served on the event bus without objects has none, and every object command says so in one
   * line.
   */
  ObjectStore objects() {
    if (objects == null) {
      throw new ShellException("store " + storeName + (remote == null ? "" : " on " + remote)
          + " has no objects (it is served without them); key-value commands work");
    }
    return objects;
  }

  /** The store's tables, where table commands and PartiQL statements run. */
  TableStore tables() {
    if (tables == null) {
      tables = tableSource.get();
    }
    return tables;
  }

  /** What tab completion knows of the tables. */
  TableHints hints() {
    return hints;
  }

  boolean hasObjects() {
    return objects != null;
  }

  /**
   * Whether a person is typing: then {@code watch} runs until Ctrl-C. In a script nothing else
   * writes while the shell waits, so a watch there replays the change log and ends.
   */
  boolean interactive() {
    return interactive;
  }

  void interactive(boolean interactive) {
    this.interactive = interactive;
  }

  /** How a long-running command learns of Ctrl-C. */
  Interrupts interrupts() {
    return interrupts;
  }

  void interrupts(Interrupts interrupts) {
    this.interrupts = interrupts;
  }

  /** Prints a result now, for commands that produce many over time; the shell sets this. */
  void print(Result result) {
    printer.accept(result);
  }

  void printer(Consumer<Result> printer) {
    this.printer = printer;
  }

  String storeName() {
    return storeName;
  }

  /** Where the store is when another process serves it ({@code --connect}), else null. */
  String remote() {
    return remote;
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

  /** The prompt while a statement continues over lines, as wide as {@link #prompt()}. */
  String continuation() {
    String prompt = prompt();
    return " ".repeat(prompt.length() - 5) + "...> ";
  }

  /** The interactive prompt, which shows an open batch or snapshot so neither is forgotten. */
  String prompt() {
    if (batch != null) {
      return "weir[batch " + batchSize + "]> ";
    }
    return snapshot != null ? "weir[snapshot]> " : "weir> ";
  }
}
