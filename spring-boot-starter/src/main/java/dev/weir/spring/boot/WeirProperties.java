package dev.weir.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code weir.*} properties: where the store lives and how it is tuned, its objects, its
 * metrics and health, and, instead of all that, a store served on a Vert.x event bus to connect
 * to. Unset properties leave Weir's defaults.
 */
@ConfigurationProperties("weir")
public class WeirProperties {

  /**
   * The store's DSN: mem://name (in memory, the default: mem://weir) or file:///path/to/dir
   * (durable), with DSN options after '?' (bucket, chunkSize, uploadExpiry, etag,
   * maxMemoryBytes, sync, salvage). The properties below add options; one given both ways is
   * refused.
   */
  private String dsn;

  /** A directory to keep a durable store in: the same as dsn=file://<directory>. */
  private Path directory;

  /**
   * When a durable store syncs its write-ahead log: 'always' (before each write is
   * acknowledged, the default), 'none', or an interval such as PT1S.
   */
  private String sync;

  /** The memory budget; past it writes fail with StoreFullException (default: half the heap). */
  private DataSize maxMemory;

  /** Size at which the active memtable is frozen and flushed to a run (default 8MB). */
  private DataSize memtableSize;

  /** How many versions of a key history() keeps (default 1). */
  private Integer versionsToKeep;

  private final Objects objects = new Objects();
  private final Metrics metrics = new Metrics();
  private final Health health = new Health();
  private final Connect connect = new Connect();

  public String getDsn() {
    return dsn;
  }

  public void setDsn(String dsn) {
    this.dsn = dsn;
  }

  public Path getDirectory() {
    return directory;
  }

  public void setDirectory(Path directory) {
    this.directory = directory;
  }

  public String getSync() {
    return sync;
  }

  public void setSync(String sync) {
    this.sync = sync;
  }

  public DataSize getMaxMemory() {
    return maxMemory;
  }

  public void setMaxMemory(DataSize maxMemory) {
    this.maxMemory = maxMemory;
  }

  public DataSize getMemtableSize() {
    return memtableSize;
  }

  public void setMemtableSize(DataSize memtableSize) {
    this.memtableSize = memtableSize;
  }

  public Integer getVersionsToKeep() {
    return versionsToKeep;
  }

  public void setVersionsToKeep(Integer versionsToKeep) {
    this.versionsToKeep = versionsToKeep;
  }

  public Objects getObjects() {
    return objects;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public Health getHealth() {
    return health;
  }

  public Connect getConnect() {
    return connect;
  }

  /** The object store over the same LSM. */
  public static class Objects {

    /** A bucket to create at startup if absent: the default bucket. */
    private String bucket;

    /** Size of the chunks object content is stored in (default 1MB). */
    private DataSize chunkSize;

    /** How long a multipart upload may stay open before it expires (default 24h). */
    private Duration uploadExpiry;

    /** The ETag of simple puts: 'version' (the default), 'metrohash128' or 'md5'. */
    private String etag;

    public String getBucket() {
      return bucket;
    }

    public void setBucket(String bucket) {
      this.bucket = bucket;
    }

    public DataSize getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(DataSize chunkSize) {
      this.chunkSize = chunkSize;
    }

    public Duration getUploadExpiry() {
      return uploadExpiry;
    }

    public void setUploadExpiry(Duration uploadExpiry) {
      this.uploadExpiry = uploadExpiry;
    }

    public String getEtag() {
      return etag;
    }

    public void setEtag(String etag) {
      this.etag = etag;
    }
  }

  /** Micrometer metrics, published when a MeterRegistry exists. */
  public static class Metrics {

    /** Whether to publish the store's metrics. */
    private boolean enabled = true;

    /** Time one operation in this many; every operation is counted. */
    private int sampleEvery = 64;

    /** Fetch the store's figures again when the last are older than this. */
    private Duration statsMaxAge = Duration.ofSeconds(1);

    /** Tags added to every Weir meter, e.g. store=users. */
    private Map<String, String> tags = new LinkedHashMap<>();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getSampleEvery() {
      return sampleEvery;
    }

    public void setSampleEvery(int sampleEvery) {
      this.sampleEvery = sampleEvery;
    }

    public Duration getStatsMaxAge() {
      return statsMaxAge;
    }

    public void setStatsMaxAge(Duration statsMaxAge) {
      this.statsMaxAge = statsMaxAge;
    }

    public Map<String, String> getTags() {
      return tags;
    }

    public void setTags(Map<String, String> tags) {
      this.tags = tags;
    }
  }

  /** The health indicator 'weir'. */
  public static class Health {

    /**
     * Share of the memory budget in use at which the store reports OUT_OF_SERVICE (full);
     * writes fail with StoreFullException a little before the whole budget.
     */
    private double fullThreshold = 0.9;

    public double getFullThreshold() {
      return fullThreshold;
    }

    public void setFullThreshold(double fullThreshold) {
      this.fullThreshold = fullThreshold;
    }
  }

  /** A store served on a Vert.x event bus ('weir serve', StoreService.bind) to use instead. */
  public static class Connect {

    /**
     * The name the store is served under; when set, the beans are clients of that store and no
     * embedded store is opened. Needs weir-vertx-adapter on the classpath.
     */
    private String name;

    /** The service's address prefix (default 'weir'). */
    private String prefix;

    /** How long a request may go unanswered before it fails with a TIMEOUT (default 10s). */
    private Duration requestTimeout;

    /** Whether to connect to the served store's objects too (an ObjectStore bean). */
    private boolean objects = true;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    public boolean isObjects() {
      return objects;
    }

    public void setObjects(boolean objects) {
      this.objects = objects;
    }
  }
}
