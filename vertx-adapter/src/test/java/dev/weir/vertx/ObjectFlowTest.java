package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.KeyRange;
import dev.weir.engine.NotFoundException;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.UploadChunk;
import dev.weir.vertx.codec.UploadGrant;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Object content across the bus under flow control, counted on the wire ({@link WireLedger}):
 * a read never gets more pieces than it granted and its frames stay within the byte bound; an
 * upload never has more chunks unanswered than its window, nor reads its source further ahead.
 * Cancelling releases the service's end (a read's snapshot; an upload, storing nothing), and
 * one whose client vanished is released after the lease timeout.
 */
class ObjectFlowTest {

  private static final int PIECE = 16 * 1024;
  private static final int CHUNK = 64 * 1024;
  private static final int READ_WINDOW = 4;
  private static final int UPLOAD_WINDOW = 2;
  private static final int FRAME_BYTES = 40 * 1024;
  private static final byte[] OBJECT = bytes(1, 64 * PIECE);

  private static Vertx vertx;
  private static Served served;
  private static WireLedger ledger;
  private ReactiveStore kv;
  private EventBusObjectStore client;
  private Bucket bucket;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    ledger = WireLedger.on(vertx);
    // twelve renewals a lease: a live client rides out a half-second stall of a loaded machine
    served = new Served(vertx, vertx,
        ServiceOptions.defaults().withLeaseTimeout(Duration.ofMillis(600))
            .withMaxFrameBytes(FRAME_BYTES),
        ClientOptions.defaults().withReadWindow(READ_WINDOW).withUploadWindow(UPLOAD_WINDOW)
            .withUploadChunkBytes(CHUNK).withRenewInterval(Duration.ofMillis(50)));
  }

  @AfterAll
  static void stop() {
    Nodes.await(vertx.close());
  }

  @BeforeEach
  void fill() {
    kv = Weir.inMemory();
    client = served.serveObjects(kv,
        ObjectStore.over(kv, ObjectConfig.defaults().withChunkSize(PIECE)));
    client.createBucket("bkt").block(Nodes.GUARD);
    bucket = client.bucket("bkt");
    bucket.put("big", Flux.just(ByteBuffer.wrap(OBJECT)), null).block(Nodes.GUARD);
    ledger.clear();
  }

  @AfterEach
  void close() {
    client.close().block(Nodes.GUARD);
    served.closeAll();
  }

  private static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] concat(Flux<ByteBuffer> content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : content.collectList().block(Nodes.GUARD)) {
      byte[] a = new byte[b.remaining()];
      b.duplicate().get(a);
      out.write(a, 0, a.length);
    }
    return out.toByteArray();
  }

  private long held() {
    return Nodes.await(served.lastBinding().heldByClients());
  }

  private long keys() {
    return kv.scan(KeyRange.all()).count().block(Nodes.GUARD);
  }

  private int openSnapshots() {
    return kv.stats().block(Nodes.GUARD).openSnapshots();
  }

  // ------------------------------------------------------------------------------- reads

  @Test
  void aReadNeverGetsMorePiecesThanItGrantedNorFramesOverTheByteBound() {
    assertArrayEquals(OBJECT, concat(bucket.read("big").limitRate(3)));
    assertArrayEquals(java.util.Arrays.copyOfRange(OBJECT, 1000, 1000 + 5 * PIECE),
        concat(bucket.read("big", 1000, 5 * PIECE)));
    assertArrayEquals(OBJECT, concat(bucket.read("big")));
    assertEquals(0, ledger.overdrafts.get(), "frames beyond granted credit");
    assertTrue(WireLedger.total(ledger.sent) >= 64 + 6 + 64, ledger.sent.toString());
    assertTrue(ledger.largestFrameBytes.get() <= FRAME_BYTES, "frame of "
        + ledger.largestFrameBytes.get() + " bytes");
  }

  @Test
  void aPausedReadHoldsTheServiceToExactlyWhatItRequested() {
    Paused<ByteBuffer> paused = new Paused<>(2);
    bucket.read("big").subscribe(paused);
    Await.until("2 pieces", Duration.ofSeconds(10), () -> paused.received.get() == 2);
    assertEquals(2, WireLedger.total(ledger.granted));
    assertEquals(2, WireLedger.total(ledger.sent));
    paused.request(20);
    Await.until("all requested pieces", Duration.ofSeconds(10),
        () -> paused.received.get() == 22);
    assertTrue(WireLedger.total(ledger.granted) <= 22, ledger.granted.toString());
    assertEquals(0, ledger.overdrafts.get());
    paused.cancel();
  }

  @Test
  void cancellingAReadReleasesItsSnapshotOnTheService() {
    Paused<ByteBuffer> paused = new Paused<>(1);
    bucket.read("big").subscribe(paused);
    Await.until("1 piece", Duration.ofSeconds(10), () -> paused.received.get() == 1);
    assertEquals(1, openSnapshots());
    paused.cancel();
    Await.until("the snapshot released", Duration.ofSeconds(10), () -> openSnapshots() == 0);
    Await.until("the stream dropped", Duration.ofSeconds(10), () -> held() == 0);
  }

  @Test
  void anAbandonedReadIsCleanedUpAfterTheLeaseTimeout() {
    DeliveryOptions ghost = new DeliveryOptions().addHeader(Addresses.OWNER, "ghost-reader")
        .addHeader(Addresses.STREAM, "1").addHeader(Addresses.INITIAL_CREDIT, "1");
    Nodes.await(vertx.eventBus().request(served.lastBinding().address(Addresses.OBJ_READ),
        ObjectRequest.range("bkt", "big", 0, Long.MAX_VALUE), ghost));
    Await.until("the ghost's read holds a snapshot", Duration.ofSeconds(10),
        () -> openSnapshots() == 1);
    Await.until("the lease expired", Duration.ofSeconds(10), () -> openSnapshots() == 0);
    assertEquals(0, held());
  }

  // ----------------------------------------------------------------------------- uploads

  @Test
  void anUploadKeepsAtMostItsWindowOfChunksInFlightAndReadsNoFurtherAhead() {
    byte[] data = bytes(2, 32 * CHUNK);
    AtomicLong emitted = new AtomicLong();
    AtomicLong aheadOfTheStore = new AtomicLong();
    Flux<ByteBuffer> content = Flux.range(0, 32)
        .map(i -> ByteBuffer.wrap(data, i * CHUNK, CHUNK))
        .doOnNext(b -> aheadOfTheStore.accumulateAndGet(
            emitted.incrementAndGet() - ledger.chunksAnswered.get(), Math::max));
    bucket.put("up", content, null).block(Nodes.GUARD);
    assertArrayEquals(data, concat(bucket.read("up")));
    assertEquals(33, ledger.chunksSent.get(), "32 full chunks and an empty last one");
    assertTrue(ledger.mostChunksUnanswered.get() <= UPLOAD_WINDOW,
        "unanswered chunks: " + ledger.mostChunksUnanswered.get());
    assertTrue(aheadOfTheStore.get() <= UPLOAD_WINDOW,
        "source read ahead by " + aheadOfTheStore.get());
  }

  @Test
  void cancellingAnUploadStoresNothingAndReleasesItOnTheService() {
    long before = keys();
    Sinks.Many<ByteBuffer> source = Sinks.many().unicast().onBackpressureBuffer();
    Disposable upload = bucket.put("cancelled", source.asFlux(), null).subscribe();
    for (int i = 0; i < 3; i++) {
      source.tryEmitNext(ByteBuffer.wrap(bytes(i, CHUNK)));
    }
    Await.until("chunks reached the store", Duration.ofSeconds(10),
        () -> ledger.chunksAnswered.get() >= 1);
    assertEquals(1, held());
    upload.dispose();
    Await.until("the upload released", Duration.ofSeconds(10), () -> held() == 0);
    Await.until("its chunks freed", Duration.ofSeconds(10), () -> keys() == before);
    assertNotFound(bucket.head("cancelled"));
  }

  @Test
  void anUploadWhoseClientVanishedIsAbortedAfterTheLeaseTimeout() {
    long before = keys();
    DeliveryOptions ghost = new DeliveryOptions().addHeader(Addresses.OWNER, "ghost-uploader")
        .addHeader(Addresses.STREAM, "1").addHeader(Addresses.INITIAL_CREDIT, "2");
    Object grant = Nodes.await(vertx.eventBus().request(
        served.lastBinding().address(Addresses.OBJ_PUT), new ObjectWrite("bkt", "ghost", null),
        ghost)).body();
    assertInstanceOf(UploadGrant.class, grant);
    Nodes.await(vertx.eventBus().request(served.lastBinding().address(Addresses.OBJ_CHUNK),
        new UploadChunk(1, 0, false, ByteBuffer.wrap(bytes(3, 2 * PIECE))),
        new DeliveryOptions().addHeader(Addresses.OWNER, "ghost-uploader")));
    Await.until("the store wrote what it took", Duration.ofSeconds(10), () -> keys() > before);
    Await.until("the lease expired", Duration.ofSeconds(10), () -> held() == 0);
    Await.until("its chunks freed", Duration.ofSeconds(10), () -> keys() == before);
    assertNotFound(bucket.head("ghost"));
  }

  private static void assertNotFound(Mono<?> call) {
    Throwable e = call.materialize().block(Nodes.GUARD).getThrowable();
    assertEquals(NotFoundException.Kind.OBJECT,
        assertInstanceOf(NotFoundException.class, e).kind());
  }

  // ---------------------------------------------------------------------------- contexts

  @Test
  void objectResultsArriveOnTheCallersContext() {
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> same = Promise.promise();
    caller.runOnContext(v -> Mono.zip(
            bucket.put("ctx", Flux.just(ByteBuffer.wrap(bytes(4, 3 * PIECE))), null)
                .map(x -> Vertx.currentContext()),
            bucket.head("big").map(x -> Vertx.currentContext()),
            bucket.read("big").map(x -> Vertx.currentContext()).last())
        .subscribe(t -> same.complete(t.getT1() == caller && t.getT2() == caller
            && t.getT3() == caller), same::fail));
    assertSame(Boolean.TRUE, Nodes.await(same.future()));
  }
}
