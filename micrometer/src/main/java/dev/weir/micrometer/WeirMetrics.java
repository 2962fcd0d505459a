package dev.weir.micrometer;

import dev.weir.engine.EngineStats;
import dev.weir.reactive.ObservableStore;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.WeirStore;
import dev.weir.reactive.object.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer metrics of a Weir store, with or without Spring:
 *
 * <pre>{@code
 * WeirMetrics metrics = WeirMetrics.bind(store, registry);   // ... metrics.close() to stop timing
 * }</pre>
 *
 * <ul>
 *   <li><b>The engine's figures</b> ({@link EngineStats}), read when the registry polls:
 *       gauges {@code weir.memory.live} and {@code weir.memory.budget} (bytes), {@code
 *       weir.entries}, {@code weir.memtables}, {@code weir.runs} (tag {@code level}), {@code
 *       weir.snapshots.open}, {@code weir.writes.pending}, {@code weir.changes.watchers},
 *       {@code weir.read.only}; counters {@code weir.flushes}, {@code weir.flush.written},
 *       {@code weir.compactions}, {@code weir.compaction.read}, {@code weir.compaction.written},
 *       {@code weir.compaction.failures}, {@code weir.write.stalls}, {@code
 *       weir.writes.rejected}, {@code weir.writes.applied}, {@code weir.write.groups}, {@code
 *       weir.changes.overflows}, {@code weir.transactions.commits}, {@code
 *       weir.transactions.conflicts}.
 *   <li><b>Objects</b>, when given an {@link ObjectStore}: gauges {@code weir.objects}, {@code
 *       weir.objects.size}, {@code weir.uploads.open}, {@code weir.uploads.size}, summed over
 *       buckets.
 *   <li><b>Operations</b>, for a store that is an {@link ObservableStore} (the embedded one):
 *       counters {@code weir.operations} and {@code weir.operations.failed} (tag {@code
 *       operation}: get, put, delete, write, scan, transaction), {@code
 *       weir.transactions.retries}, and the timer {@code weir.operation} (tags {@code
 *       operation}, {@code outcome}) recording one operation in {@link Builder#sampleEvery}
 *       (64 by default): cheap enough to leave on, see {@code benchmarks/RESULTS.md}.
 * </ul>
 *
 * <p>Every tag has a handful of values; a bucket or key never becomes a tag. Add your own
 * (e.g. {@code store=users}) with {@link Builder#tags}. One {@code WeirMetrics} per store,
 * bound to as many registries as wanted; the registries poll gauges on their own threads
 * (event loops too), and polling never blocks: the figures of a store served elsewhere arrive
 * one poll late.
 */
public final class WeirMetrics implements MeterBinder, AutoCloseable {

  /** Time one operation in this many by default. */
  public static final int DEFAULT_SAMPLE_EVERY = 64;
  /** Figures this old are fetched again when polled. */
  public static final Duration DEFAULT_STATS_MAX_AGE = Duration.ofSeconds(1);

  private final Tags tags;
  private final EngineMeters engine;
  private final ObjectMeters objects;
  private final OperationMeters operations;
  private final AutoCloseable observing;

  private WeirMetrics(Builder b) {
    this.tags = b.tags;
    ReactiveStore store = b.store;
    this.engine = new EngineMeters(new LatestValue<>(store::stats, b.statsMaxAge));
    this.objects = b.objects == null ? null : new ObjectMeters(b.objects, b.statsMaxAge);
    if (store instanceof ObservableStore observable) {
      this.operations = new OperationMeters(b.sampleEvery);
      this.observing = observable.observe(operations);
    } else {
      this.operations = null;
      this.observing = null;
    }
  }

  /** Metrics of {@code store}, bound to {@code registry}; close them to stop timing. */
  public static WeirMetrics bind(ReactiveStore store, MeterRegistry registry) {
    WeirMetrics metrics = builder(store).build();
    metrics.bindTo(registry);
    return metrics;
  }

  /** Metrics of a store opened from a DSN, its objects included. */
  public static WeirMetrics bind(WeirStore store, MeterRegistry registry) {
    WeirMetrics metrics = builder(store.kv()).objects(store.objects()).build();
    metrics.bindTo(registry);
    return metrics;
  }

  public static Builder builder(ReactiveStore store) {
    return new Builder(store);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    engine.bindTo(registry, tags);
    if (objects != null) {
      objects.bindTo(registry, tags);
    }
    if (operations != null) {
      operations.bindTo(registry, tags);
    }
  }

  /** Whether operations are counted and timed (the store is an {@link ObservableStore}). */
  public boolean observesOperations() {
    return operations != null;
  }

  /**
   * Stops counting and timing operations (the store forgets this observer, so another may
   * take its place); meters stay registered, with their last values.
   */
  @Override
  public void close() {
    if (observing != null) {
      try {
        observing.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop observing the store", e);
      }
    }
  }

  /** Options of a {@link WeirMetrics}. */
  public static final class Builder {
    private final ReactiveStore store;
    private ObjectStore objects;
    private Tags tags = Tags.empty();
    private int sampleEvery = DEFAULT_SAMPLE_EVERY;
    private Duration statsMaxAge = DEFAULT_STATS_MAX_AGE;

    private Builder(ReactiveStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** Also publish the object layer's counters of {@code objects}. */
    public Builder objects(ObjectStore objects) {
      this.objects = Objects.requireNonNull(objects, "objects");
      return this;
    }

    /** Tags added to every meter, e.g. {@code store=users} when a JVM has several stores. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /** Time one operation in {@code n} (1: every one); at least 1. */
    public Builder sampleEvery(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("sampleEvery must be at least 1, was " + n);
      }
      this.sampleEvery = n;
      return this;
    }

    /** Fetch the store's figures again when the last are older than this; zero: every poll. */
    public Builder statsMaxAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("statsMaxAge must not be negative, was " + maxAge);
      }
      this.statsMaxAge = maxAge;
      return this;
    }

    /** Builds the metrics; an observable store starts being observed now. */
    public WeirMetrics build() {
      return new WeirMetrics(this);
    }
  }
}
