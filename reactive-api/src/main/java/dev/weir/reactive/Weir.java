package dev.weir.reactive;

import dev.weir.engine.Engine;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.InvalidArgumentException;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The entry point: opens stores.
 *
 * <p><b>Where write signals arrive.</b> By default a write's {@code Mono} completes on the
 * thread that committed its group: for a lone write that is the subscribing thread itself, so
 * a put on an event loop completes on that event loop with no thread hop (a hop costs 17-28 µs
 * on small machines). Under load, one caller commits a group of others' writes and completes
 * them all; like any Reactor source, add {@code publishOn} where the thread matters. Pass a
 * {@link Scheduler} to {@link #inMemory(EngineConfig, Scheduler)} to have every group's
 * completions handed to it instead, one task per group. Groups that the compactor commits
 * (when writes were held back for it) complete on {@link Schedulers#parallel()}, never on an
 * engine thread.
 */
public final class Weir {

  private Weir() {}

  /** An in-memory store with the default settings. */
  public static ReactiveStore inMemory() {
    return inMemory(EngineConfig.defaults());
  }

  /** An in-memory store; a bad setting is refused with an exception naming it. */
  public static ReactiveStore inMemory(EngineConfig config) {
    return inMemory(config, null);
  }

  /**
   * An in-memory store whose write completions are handed to {@code completions} (one task per
   * write group); {@code null} completes them on the committing thread.
   */
  public static ReactiveStore inMemory(EngineConfig config, Scheduler completions) {
    Objects.requireNonNull(config, "config");
    if (config.isDurable()) {
      throw new InvalidArgumentException(
          "the config names a directory (" + config.directory() + "): open a durable store with"
              + " Weir.open(config), which reads its files off the caller's thread");
    }
    return new EmbeddedStore(Engine.open(reactiveConfig(config, completions)));
  }

  /**
   * Opens a store: in memory, or durable when {@code config} names a directory (created if
   * absent, recovered if not). Recovery reads files, so it runs on {@link
   * Schedulers#boundedElastic()}, never on the subscribing thread (an event loop stays free);
   * the store is signalled there. Fails with {@code StoreLockedException} when another store
   * holds the directory, {@code CorruptionException} when its files are damaged (unless {@code
   * salvage} is set), {@code StorageFailedException} when they cannot be read.
   */
  public static Mono<ReactiveStore> open(EngineConfig config) {
    Objects.requireNonNull(config, "config");
    if (!config.isDurable()) {
      return Mono.fromSupplier(() -> inMemory(config));
    }
    return Mono.<ReactiveStore>fromCallable(
            () -> new EmbeddedStore(Engine.open(reactiveConfig(config, null))))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static EngineConfig reactiveConfig(EngineConfig config, Scheduler completions) {
    Scheduler async = Schedulers.parallel();
    EngineConfig.Builder b = config.toBuilder().asyncExecutor(async::schedule);
    if (completions != null) {
      b.completionExecutor(completions::schedule);
    }
    return b.build();
  }

  /**
   * Opens a store from a DSN, e.g. {@code mem://name?bucket=default}: one in-memory LSM seen
   * both as key-value pairs and as buckets of objects, with the named bucket created; or a
   * durable one, {@code file:///path/to/dir?sync=always} (sync {@code always}, the default,
   * {@code none}, or an interval such as {@code PT1S}; {@code salvage=true} opens a damaged log
   * by keeping its valid prefix), opened as {@link #open(EngineConfig)} does. A
   * {@code Mono} because creating the bucket is a write; an unknown scheme or option fails it
   * with an {@code InvalidArgumentException} naming it. Options: see {@code OBJECTS.md}.
   */
  public static Mono<WeirStore> open(String dsn) {
    return DsnOpener.open(dsn);
  }

  /**
   * As {@link #open(String)}, with {@code settings} applied to the engine's configuration after
   * the DSN's options: for what a DSN has no option for, such as {@code memtableBytes} or {@code
   * versionsToKeep} (e.g. {@code b -> b.versionsToKeep(3)}). A bad setting fails the {@code Mono}
   * with an {@code InvalidArgumentException} naming it.
   */
  public static Mono<WeirStore> open(String dsn, Consumer<EngineConfig.Builder> settings) {
    return DsnOpener.open(dsn, settings);
  }
}
