package dev.weir.benchmarks;

import com.hazelcast.config.Config;
import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.ClientOptions;
import dev.weir.vertx.EventBusObjectStore;
import dev.weir.vertx.EventBusStore;
import dev.weir.vertx.StoreService;
import dev.weir.vertx.ServiceOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * Round trips through the event bus next to the embedded store, in one run: one get or one put
 * at a time (a caller waiting on each: latency-bound), over the local bus and over a two-node
 * Hazelcast cluster on loopback; scan throughput across the bus in entries per second; and
 * 4 MiB objects written and read whole (into the caller's reused buffer, every byte touched
 * once) in objects per second: times 4.19 for MB/s.
 *
 * <pre>
 * mvn -B -pl engine,reactive-api,vertx-adapter,benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EventBusBenchmark -f 1 -wi 1 -i 2 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventBusBenchmark {

  private static final int KEYS = 10_000;
  private static final int OBJECT_BYTES = 4 << 20;
  private static final Duration GUARD = Duration.ofSeconds(30);

  private ReactiveStore embedded;
  private Vertx local;
  private Vertx storeNode;
  private Vertx clientNode;
  private ReactiveStore localBus;
  private ReactiveStore clusteredBus;
  private final Bytes value = Bytes.wrap(new byte[100]);
  private final byte[] object = new byte[OBJECT_BYTES];
  private final ByteBuffer readInto = ByteBuffer.allocate(OBJECT_BYTES);
  private Bucket embeddedObjects;
  private EventBusObjectStore localObjectStore;
  private EventBusObjectStore clusteredObjectStore;
  private Bucket localBusObjects;
  private Bucket clusteredBusObjects;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    embedded = Weir.inMemory();
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < KEYS; i++) {
      w.put(key(i), value);
    }
    embedded.write(w.build()).block(GUARD);
    ObjectStore objects = ObjectStore.over(embedded);
    objects.createBucket("bench").block(GUARD);
    embeddedObjects = objects.bucket("bench");
    ThreadLocalRandom.current().nextBytes(object);
    embeddedObjects.put("read", Flux.just(ByteBuffer.wrap(object)), null).block(GUARD);
    local = Vertx.vertx();
    await(StoreService.bind(local, embedded, objects, "bench", ServiceOptions.defaults()));
    localBus = EventBusStore.create(local, "bench", ClientOptions.defaults());
    localObjectStore = await(EventBusObjectStore.connect(local, "bench"));
    localBusObjects = localObjectStore.bucket("bench");
    String cluster = "weir-bench-" + ThreadLocalRandom.current().nextInt(1_000_000);
    int port = 30_000 + ThreadLocalRandom.current().nextInt(1_000) * 4;
    storeNode = clustered(cluster, port);
    clientNode = clustered(cluster, port);
    await(StoreService.bind(storeNode, embedded, objects, "bench", ServiceOptions.defaults()));
    clusteredBus = EventBusStore.create(clientNode, "bench", ClientOptions.defaults());
    for (int i = 0; i < 200; i++) {
      try {
        clusteredBus.stats().block(GUARD);
        break;
      } catch (RuntimeException e) {
        reactor.core.publisher.Mono.delay(Duration.ofMillis(50)).block();
      }
    }
    clusteredObjectStore = await(EventBusObjectStore.connect(clientNode, "bench"));
    clusteredBusObjects = clusteredObjectStore.bucket("bench");
  }

  private static Vertx clustered(String name, int port) throws Exception {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(name);
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.logging.type", "none");
    hz.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(4);
    hz.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    hz.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    hz.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    var tcp = hz.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
    for (int p = port; p < port + 4; p++) {
      tcp.addMember("127.0.0.1:" + p);
    }
    return await(Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(
            new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(hz)).buildClustered());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    localBus.close().block(GUARD);
    clusteredBus.close().block(GUARD);
    localObjectStore.close().block(GUARD);
    clusteredObjectStore.close().block(GUARD);
    await(Future.all(local.close(), clientNode.close(), storeNode.close()));
    embedded.close().block(GUARD);
  }

  /**
   * The scans read the keys only: the objects written beside them live in the same store (their
   * chunks are keys too), and a scan of everything would carry their megabytes across the bus.
   */
  private static final Bytes KEY_PREFIX = Bytes.utf8("key:");

  private static Bytes key(int i) {
    return KEY_PREFIX.concat(Bytes.utf8(String.format("%08d", i)));
  }

  private static Bytes randomKey() {
    return key(ThreadLocalRandom.current().nextInt(KEYS));
  }

  @Benchmark
  public Bytes getEmbedded() {
    return embedded.get(randomKey()).block(GUARD);
  }

  @Benchmark
  public Bytes getLocalBus() {
    return localBus.get(randomKey()).block(GUARD);
  }

  @Benchmark
  public Bytes getClusteredBus() {
    return clusteredBus.get(randomKey()).block(GUARD);
  }

  @Benchmark
  public void putEmbedded() {
    embedded.put(randomKey(), value).block(GUARD);
  }

  @Benchmark
  public void putLocalBus() {
    localBus.put(randomKey(), value).block(GUARD);
  }

  @Benchmark
  public void putClusteredBus() {
    clusteredBus.put(randomKey(), value).block(GUARD);
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long scanEmbedded() {
    return embedded.scan(KEY_PREFIX).count().block(GUARD);
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long scanLocalBus() {
    return localBus.scan(KEY_PREFIX).count().block(GUARD);
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long scanClusteredBus() {
    return clusteredBus.scan(KEY_PREFIX).count().block(GUARD);
  }

  private int write(Bucket bucket) {
    return (int) bucket.put("write", Flux.just(ByteBuffer.wrap(object)), null).block(GUARD)
        .size();
  }

  private int read(Bucket bucket) {
    readInto.clear();
    bucket.read("read").doOnNext(readInto::put).blockLast(GUARD);
    return readInto.position();
  }

  @Benchmark
  public int objectWrite4MiBEmbedded() {
    return write(embeddedObjects);
  }

  @Benchmark
  public int objectWrite4MiBLocalBus() {
    return write(localBusObjects);
  }

  @Benchmark
  public int objectWrite4MiBClusteredBus() {
    return write(clusteredBusObjects);
  }

  @Benchmark
  public int objectRead4MiBEmbedded() {
    return read(embeddedObjects);
  }

  @Benchmark
  public int objectRead4MiBLocalBus() {
    return read(localBusObjects);
  }

  @Benchmark
  public int objectRead4MiBClusteredBus() {
    return read(clusteredBusObjects);
  }
}
