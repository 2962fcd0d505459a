package dev.weir.engine;

import dev.weir.engine.wal.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * The settings of one store, validated when built: a bad value is refused with an {@link
 * InvalidArgumentException} that names the option. Immutable.
 */
public final class EngineConfig {

  public static final int MIN_MEMTABLE_BYTES = 1024;

  /**
   * The share of the JVM's max heap a store's memory budget takes when none is set: a store
   * under write load then ends in {@link StoreFullException}, never in {@code
   * OutOfMemoryError}. Several stores in one JVM should each be given a budget.
   */
  public static final double DEFAULT_HEAP_SHARE = 0.5;

  /**
   * Operations a batch or a transaction may hold by default: the change log's default capacity,
   * so that a watcher that keeps up sees every change of the largest batch.
   */
  public static final int DEFAULT_MAX_BATCH_OPS = 65_536;

  /** The largest value by default (64 MiB). */
  public static final int DEFAULT_MAX_VALUE_SIZE = 64 * 1024 * 1024;

  private final String name;
  private final int maxKeySize;
  private final int maxValueSize;
  private final int maxBatchOps;
  private final boolean maxBatchOpsSet;
  private final long memtableBytes;
  private final long maxMemoryBytes;
  private final boolean maxMemoryBytesSet;
  private final int versionsToKeep;
  private final int bloomBitsPerKey;
  private final int level0RunsTrigger;
  private final int levelSizeMultiplier;
  private final long level1Bytes;
  private final int maxFrozenMemtables;
  private final int maxLevel0Runs;
  private final int changeLogCapacity;
  private final long changeLogBytes;
  private final Duration expirySweepInterval;
  private final LongSupplier clock;
  private final Executor completionExecutor;
  private final Executor asyncExecutor;
  private final Path directory;
  private final SyncPolicy syncPolicy;
  private final long walSegmentBytes;
  private final boolean salvage;

  private EngineConfig(Builder b) {
    this.name = b.name;
    this.maxKeySize = b.maxKeySize;
    this.maxValueSize = b.maxValueSize;
    this.maxBatchOps = b.effectiveMaxBatchOps();
    this.maxBatchOpsSet = b.maxBatchOpsSet;
    this.memtableBytes = b.memtableBytes;
    this.maxMemoryBytesSet = b.maxMemoryBytesSet;
    this.maxMemoryBytes =
        b.maxMemoryBytesSet ? b.maxMemoryBytes : defaultMaxMemoryBytes(b.memtableBytes);
    this.versionsToKeep = b.versionsToKeep;
    this.bloomBitsPerKey = b.bloomBitsPerKey;
    this.level0RunsTrigger = b.level0RunsTrigger;
    this.levelSizeMultiplier = b.levelSizeMultiplier;
    this.level1Bytes = b.level1Bytes;
    this.maxFrozenMemtables = b.maxFrozenMemtables;
    this.maxLevel0Runs = b.maxLevel0Runs;
    this.changeLogCapacity = b.changeLogCapacity;
    this.changeLogBytes = b.changeLogBytes;
    this.expirySweepInterval = b.expirySweepInterval;
    this.clock = b.clock;
    this.completionExecutor = b.completionExecutor;
    this.asyncExecutor = b.asyncExecutor;
    this.directory = b.directory;
    this.syncPolicy = b.syncPolicy;
    this.walSegmentBytes = b.walSegmentBytes;
    this.salvage = b.salvage;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static EngineConfig defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.maxKeySize = maxKeySize;
    b.maxValueSize = maxValueSize;
    b.maxBatchOps = maxBatchOps;
    b.maxBatchOpsSet = maxBatchOpsSet;
    b.memtableBytes = memtableBytes;
    b.maxMemoryBytes = maxMemoryBytes;
    b.maxMemoryBytesSet = maxMemoryBytesSet; // a default is worked out again from the new settings
    b.versionsToKeep = versionsToKeep;
    b.bloomBitsPerKey = bloomBitsPerKey;
    b.level0RunsTrigger = level0RunsTrigger;
    b.levelSizeMultiplier = levelSizeMultiplier;
    b.level1Bytes = level1Bytes;
    b.maxFrozenMemtables = maxFrozenMemtables;
    b.maxLevel0Runs = maxLevel0Runs;
    b.changeLogCapacity = changeLogCapacity;
    b.changeLogBytes = changeLogBytes;
    b.expirySweepInterval = expirySweepInterval;
    b.clock = clock;
    b.completionExecutor = completionExecutor;
    b.asyncExecutor = asyncExecutor;
    b.directory = directory;
    b.syncPolicy = syncPolicy;
    b.walSegmentBytes = walSegmentBytes;
    b.salvage = salvage;
    return b;
  }

  public String name() {
    return name;
  }

  public int maxKeySize() {
    return maxKeySize;
  }

  public int maxValueSize() {
    return maxValueSize;
  }

  /**
   * Operations a batch or a transaction's writes may hold: by default {@link
   * #DEFAULT_MAX_BATCH_OPS}, and never more than {@link #changeLogCapacity()}.
   */
  public int maxBatchOps() {
    return maxBatchOps;
  }

  public long memtableBytes() {
    return memtableBytes;
  }

  /**
   * The budget of live bytes ({@code Long.MAX_VALUE}: none). By default {@link
   * #DEFAULT_HEAP_SHARE} of the JVM's max heap, rounded down to a whole MiB, and at least
   * {@link #memtableBytes()}.
   */
  public long maxMemoryBytes() {
    return maxMemoryBytes;
  }

  /** Whether {@link #maxMemoryBytes()} is the default share of the heap, not a set value. */
  public boolean maxMemoryBytesIsDefault() {
    return !maxMemoryBytesSet;
  }

  /** The default budget in this JVM for a store whose memtables take {@code memtableBytes}. */
  public static long defaultMaxMemoryBytes(long memtableBytes) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (maxHeap == Long.MAX_VALUE) {
      return Long.MAX_VALUE; // the JVM sets no limit, so neither does the store
    }
    long share = (long) (maxHeap * DEFAULT_HEAP_SHARE) & -(1L << 20);
    return Math.max(share, memtableBytes);
  }

  public int versionsToKeep() {
    return versionsToKeep;
  }

  public int bloomBitsPerKey() {
    return bloomBitsPerKey;
  }

  public int level0RunsTrigger() {
    return level0RunsTrigger;
  }

  public int levelSizeMultiplier() {
    return levelSizeMultiplier;
  }

  public long level1Bytes() {
    return level1Bytes;
  }

  public int maxFrozenMemtables() {
    return maxFrozenMemtables;
  }

  public int maxLevel0Runs() {
    return maxLevel0Runs;
  }

  /**
   * Changes kept for change streams to read and resume from (default 65,536); a batch may hold
   * no more operations, so a watcher that keeps up never overflows.
   */
  public int changeLogCapacity() {
    return changeLogCapacity;
  }

  /**
   * Bytes of keys and values the change log may pin (default 16 MiB, at most an eighth of
   * maxMemoryBytes); they count against the memory budget.
   */
  public long changeLogBytes() {
    return changeLogBytes;
  }

  /** How often the compactor turns expired values into deletions (default 1 s). */
  public Duration expirySweepInterval() {
    return expirySweepInterval;
  }

  /** The store clock in milliseconds, used for TTL expiry. */
  public LongSupplier clock() {
    return clock;
  }

  /** Where write completions run; {@code null}: on the thread that committed the group. */
  public Executor completionExecutor() {
    return completionExecutor;
  }

  /** Where completions of groups committed on an engine thread run. */
  public Executor asyncExecutor() {
    return asyncExecutor;
  }

  /** Builds an {@link EngineConfig}; {@link #build()} validates every option. */
  /** The durable store's directory, or null for an in-memory store (the default). */
  public Path directory() {
    return directory;
  }

  public boolean isDurable() {
    return directory != null;
  }

  /** When a durable store's log is synced (default {@link SyncPolicy#ALWAYS}). */
  public SyncPolicy syncPolicy() {
    return syncPolicy;
  }

  /** Size past which the write-ahead log starts a new segment file. */
  public long walSegmentBytes() {
    return walSegmentBytes;
  }

  /**
   * Whether opening a durable store whose log is damaged keeps the longest valid prefix
   * (reporting what it dropped) instead of refusing with {@link CorruptionException}.
   */
  public boolean salvage() {
    return salvage;
  }

  public static final class Builder {
    private String name = "weir";
    private int maxKeySize = 64 * 1024;
    private int maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    private int maxBatchOps;
    private boolean maxBatchOpsSet;
    private long memtableBytes = 8L * 1024 * 1024;
    private long maxMemoryBytes;
    private boolean maxMemoryBytesSet;
    private int versionsToKeep = 1;
    private int bloomBitsPerKey = 10;
    private int level0RunsTrigger = 4;
    private int levelSizeMultiplier = 10;
    private long level1Bytes = 64L * 1024 * 1024;
    private int maxFrozenMemtables = 4;
    private int maxLevel0Runs = 20;
    private int changeLogCapacity = 65_536;
    private long changeLogBytes = 16L * 1024 * 1024;
    private Duration expirySweepInterval = Duration.ofSeconds(1);
    private LongSupplier clock = System::currentTimeMillis;
    private Executor completionExecutor;
    private Executor asyncExecutor = ForkJoinPool.commonPool();
    private Path directory;
    private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
    private long walSegmentBytes = 64L * 1024 * 1024;
    private boolean salvage;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Largest key in bytes (default 64 KiB). */
    public Builder maxKeySize(int bytes) {
      this.maxKeySize = bytes;
      return this;
    }

    /** Largest value in bytes (default 64 MiB). */
    public Builder maxValueSize(int bytes) {
      this.maxValueSize = bytes;
      return this;
    }

    /** Most operations in one batch (default {@value #DEFAULT_MAX_BATCH_OPS}). */
    public Builder maxBatchOps(int ops) {
      this.maxBatchOps = ops;
      this.maxBatchOpsSet = true;
      return this;
    }

    /** Size at which the active memtable is frozen and flushed to a run (default 8 MiB). */
    public Builder memtableBytes(long bytes) {
      this.memtableBytes = bytes;
      return this;
    }

    /**
     * Budget of live bytes; a write past it fails with {@link StoreFullException}. Default: {@link
     * #DEFAULT_HEAP_SHARE} of the max heap; {@code Long.MAX_VALUE} sets none.
     */
    public Builder maxMemoryBytes(long bytes) {
      this.maxMemoryBytes = bytes;
      this.maxMemoryBytesSet = true;
      return this;
    }

    /** Versions of each key kept beyond what open snapshots need (default 1). */
    public Builder versionsToKeep(int versions) {
      this.versionsToKeep = versions;
      return this;
    }

    public Builder bloomBitsPerKey(int bits) {
      this.bloomBitsPerKey = bits;
      return this;
    }

    /** Number of level-0 runs that starts a compaction into level 1 (default 4). */
    public Builder level0RunsTrigger(int runs) {
      this.level0RunsTrigger = runs;
      return this;
    }

    public Builder levelSizeMultiplier(int multiplier) {
      this.levelSizeMultiplier = multiplier;
      return this;
    }

    /** Target size of level 1; level n is this times the multiplier to the n-1. */
    public Builder level1Bytes(long bytes) {
      this.level1Bytes = bytes;
      return this;
    }

    /** Frozen memtables allowed to wait for their flush before writes stall (default 4). */
    public Builder maxFrozenMemtables(int count) {
      this.maxFrozenMemtables = count;
      return this;
    }

    /** Level-0 runs allowed before writes stall (default 20). */
    public Builder maxLevel0Runs(int count) {
      this.maxLevel0Runs = count;
      return this;
    }

    /** Changes the change log keeps for streams to read and resume from. */
    public Builder changeLogCapacity(int events) {
      this.changeLogCapacity = events;
      return this;
    }

    /** Bytes of keys and values the change log may pin. */
    public Builder changeLogBytes(long bytes) {
      this.changeLogBytes = bytes;
      return this;
    }

    /** How often the compactor turns expired values into deletions, for change streams. */
    public Builder expirySweepInterval(Duration interval) {
      this.expirySweepInterval = interval;
      return this;
    }

    public Builder clock(LongSupplier millis) {
      this.clock = millis;
      return this;
    }

    public Builder completionExecutor(Executor executor) {
      this.completionExecutor = executor;
      return this;
    }

    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = executor;
      return this;
    }

    /**
     * Makes the store durable in {@code dir} (created if absent): a write-ahead log, runs and a
     * manifest on disk, recovered on open. Null (the default) keeps the store in memory.
     */
    public Builder directory(Path dir) {
      this.directory = dir;
      return this;
    }

    /** When the log is synced: {@link SyncPolicy#ALWAYS} (the default), every interval, none. */
    public Builder syncPolicy(SyncPolicy policy) {
      this.syncPolicy = policy;
      return this;
    }

    /** Size past which the log starts a new segment (default 64 MiB). */
    public Builder walSegmentBytes(long bytes) {
      this.walSegmentBytes = bytes;
      return this;
    }

    /** Open a damaged log by keeping its longest valid prefix (default: refuse to open). */
    public Builder salvage(boolean salvage) {
      this.salvage = salvage;
      return this;
    }

    public EngineConfig build() {
      require(name != null && !name.isBlank(), "name must not be blank");
      require(maxKeySize >= 1, "maxKeySize must be at least 1, was " + maxKeySize);
      require(maxValueSize >= 0, "maxValueSize must not be negative, was " + maxValueSize);
      require(
          effectiveMaxBatchOps() >= 1, "maxBatchOps must be at least 1, was " + maxBatchOps);
      require(
          memtableBytes >= MIN_MEMTABLE_BYTES,
          "memtableBytes must be at least " + MIN_MEMTABLE_BYTES + ", was " + memtableBytes);
      require(
          !maxMemoryBytesSet || maxMemoryBytes >= memtableBytes,
          "maxMemoryBytes must be at least memtableBytes (" + memtableBytes + "), was "
              + maxMemoryBytes);
      require(versionsToKeep >= 1, "versionsToKeep must be at least 1, was " + versionsToKeep);
      require(
          bloomBitsPerKey >= 1 && bloomBitsPerKey <= 64,
          "bloomBitsPerKey must be between 1 and 64, was " + bloomBitsPerKey);
      require(level0RunsTrigger >= 1, "level0RunsTrigger must be at least 1, was " + level0RunsTrigger);
      require(
          levelSizeMultiplier >= 2,
          "levelSizeMultiplier must be at least 2, was " + levelSizeMultiplier);
      require(level1Bytes >= MIN_MEMTABLE_BYTES, "level1Bytes must be at least " + MIN_MEMTABLE_BYTES);
      require(
          maxFrozenMemtables >= 1, "maxFrozenMemtables must be at least 1, was " + maxFrozenMemtables);
      require(
          maxLevel0Runs >= level0RunsTrigger,
          "maxLevel0Runs must be at least level0RunsTrigger (" + level0RunsTrigger + "), was "
              + maxLevel0Runs);
      require(
          changeLogCapacity >= 2 && changeLogCapacity <= (1 << 26),
          "changeLogCapacity must be between 2 and 67108864, was " + changeLogCapacity);
      require(
          effectiveMaxBatchOps() <= changeLogCapacity,
          "maxBatchOps (" + effectiveMaxBatchOps() + ") must be at most changeLogCapacity ("
              + changeLogCapacity + "): a batch's changes must fit in the change log, or every"
              + " watch would overflow");
      require(changeLogBytes >= 1024, "changeLogBytes must be at least 1024, was " + changeLogBytes);
      require(
          expirySweepInterval != null && expirySweepInterval.toMillis() >= 1,
          "expirySweepInterval must be at least 1 ms, was " + expirySweepInterval);
      require(clock != null, "clock must not be null");
      require(asyncExecutor != null, "asyncExecutor must not be null");
      require(syncPolicy != null, "syncPolicy must not be null");
      require(
          walSegmentBytes >= 4096, "walSegmentBytes must be at least 4096, was " + walSegmentBytes);
      return new EngineConfig(this);
    }

    /** By default {@link #DEFAULT_MAX_BATCH_OPS}, or the change log's capacity if less. */
    private int effectiveMaxBatchOps() {
      return maxBatchOpsSet ? maxBatchOps : Math.min(DEFAULT_MAX_BATCH_OPS, changeLogCapacity);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new InvalidArgumentException("invalid configuration: " + message);
      }
    }
  }

  @Override
  public String toString() {
    return "EngineConfig{name=" + name + ", memtableBytes=" + memtableBytes + ", maxMemoryBytes="
        + maxMemoryBytes + ", versionsToKeep=" + versionsToKeep
        + (directory == null ? "" : ", directory=" + directory + ", sync=" + syncPolicy) + "}";
  }
}
