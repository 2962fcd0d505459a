package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.reactive.object.PartInfo;
import dev.weir.table.Item;
import dev.weir.table.Scan;
import dev.weir.table.WriteRequest;
import dev.weir.vertx.codec.Credit;
import dev.weir.vertx.codec.ItemRequest;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.PartsRequest;
import dev.weir.vertx.codec.PutRequest;
import dev.weir.vertx.codec.ReadRequest;
import dev.weir.vertx.codec.TableBatch;
import dev.weir.vertx.codec.TableRequest;
import dev.weir.vertx.codec.UploadChunk;
import dev.weir.vertx.codec.UploadGrant;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Messages no client would send (wrong body types, missing or garbled headers, oversized
 * requests and chunks) each get an {@code INVALID_ARGUMENT} failure reply, the store sees none
 * of them, and the service keeps serving. An upload that breaks the protocol or the object
 * limit is aborted, storing nothing; a client cuts its chunks to what the service accepts.
 */
class MalformedMessageTest {

  private static final int MAX_OBJECT = 8 * 1024;
  private static Vertx vertx;
  private static Served served;
  private static EventBusStore client;
  private static EventBusObjectStore objects;
  private static Bucket bucket;
  private static StoreBinding binding;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx, vertx, ServiceOptions.defaults().withMaxRequestBytes(1024)
        .withMaxObjectBytes(MAX_OBJECT), ClientOptions.defaults());
    ReactiveStore kv = Weir.inMemory();
    objects = served.serveObjects(kv, ObjectStore.over(kv));
    binding = served.lastBinding();
    client = EventBusStore.create(vertx, binding.storeName(), ClientOptions.defaults());
    objects.createBucket("bkt").block(Nodes.GUARD);
    bucket = objects.bucket("bkt");
  }

  @AfterAll
  static void stop() {
    objects.close().block(Nodes.GUARD);
    served.closeAll();
    Nodes.await(vertx.close());
  }

  private static DeliveryOptions headers(String... kv) {
    DeliveryOptions d = new DeliveryOptions().setSendTimeout(5_000);
    for (int i = 0; i < kv.length; i += 2) {
      d.addHeader(kv[i], kv[i + 1]);
    }
    return d;
  }

  @TestFactory
  Stream<DynamicTest> malformedRequestsGetInvalidArgumentReplies() {
    Map<String, Object[]> cases = new LinkedHashMap<>();
    Bytes k = Bytes.utf8("k");
    cases.put("a string to get", new Object[] {"get", "hello", headers()});
    cases.put("garbage bytes to put", new Object[] {"put", Buffer.buffer(new byte[] {1, 2, 3}),
        headers()});
    cases.put("json to write", new Object[] {"write", new JsonObject().put("k", "v"), headers()});
    cases.put("no body to get", new Object[] {"get", null, headers()});
    cases.put("a key request to put", new Object[] {"put", KeyRequest.of(k), headers()});
    cases.put("a put to deletePrefix", new Object[] {"deletePrefix", PutRequest.plain(k, k),
        headers()});
    cases.put("a scan without owner", new Object[] {"scan", null,
        headers("stream", "1", "credit", "4")});
    cases.put("a scan with a non-numeric stream", new Object[] {"scan", null,
        headers("owner", "x", "stream", "one", "credit", "4")});
    cases.put("a scan with negative credit", new Object[] {"scan", null,
        headers("owner", "x", "stream", "2", "credit", "-1")});
    cases.put("a snapshot get without id", new Object[] {"snapshot.get", KeyRequest.of(k),
        headers("owner", "x")});
    cases.put("a begin with a string", new Object[] {"tx.begin", "yes", headers("owner", "x")});
    cases.put("a renew without owner", new Object[] {"lease.renew", 1L, headers()});
    cases.put("a credit as a long", new Object[] {"stream.credit", 5L, headers("owner", "x")});
    cases.put("a put over maxRequestBytes", new Object[] {"put",
        PutRequest.plain(k, Bytes.wrap(new byte[2048])), headers()});
    cases.put("a batch over maxRequestBytes", new Object[] {"write",
        WriteBatch.builder().put(k, Bytes.wrap(new byte[600])).put(k, Bytes.wrap(new byte[600]))
            .build(), headers()});
    ObjectWrite put = new ObjectWrite("bkt", "k", null);
    cases.put("a string to object.head", new Object[] {"object.head", "hello", headers()});
    cases.put("no bucket to object.head", new Object[] {"object.head",
        ObjectRequest.key(null, "k"), headers()});
    cases.put("garbage bytes to object.uploadPart", new Object[] {"object.uploadPart",
        Buffer.buffer(new byte[] {1, 2}), headers("owner", "x", "stream", "1", "credit", "1")});
    cases.put("a put to object.read", new Object[] {"object.read", put,
        headers("owner", "x", "stream", "2", "credit", "1")});
    cases.put("an object read without a stream id", new Object[] {"object.read",
        ObjectRequest.range("bkt", "k", 0, 1), headers("owner", "x", "credit", "1")});
    cases.put("a put without owner", new Object[] {"object.put", put,
        headers("stream", "3", "credit", "2")});
    cases.put("a put without a window", new Object[] {"object.put", put,
        headers("owner", "x", "stream", "4", "credit", "0")});
    cases.put("a chunk of no open upload", new Object[] {"object.chunk",
        new UploadChunk(99, 0, false, ByteBuffer.wrap(new byte[10])), headers("owner", "x")});
    cases.put("a chunk without data", new Object[] {"object.chunk",
        new UploadChunk(99, 0, false, null), headers("owner", "x")});
    cases.put("a chunk over maxRequestBytes", new Object[] {"object.chunk",
        new UploadChunk(99, 0, false, ByteBuffer.wrap(new byte[2048])), headers("owner", "x")});
    cases.put("a key over maxRequestBytes", new Object[] {"object.head",
        ObjectRequest.key("bkt", "k".repeat(2000)), headers()});
    cases.put("metadata over maxRequestBytes", new Object[] {"object.startUpload",
        new ObjectWrite("bkt", "k", ObjectOptions.defaults().withMetadata(Map.of("m",
            "v".repeat(2000)))), headers()});
    cases.put("parts over maxRequestBytes", new Object[] {"object.completeUpload",
        new PartsRequest("bkt", null, 0, java.util.Collections.nCopies(100, PartInfo.of(1,
            "e"))), headers()});
    cases.put("a listing limit beyond int", new Object[] {"object.list",
        new ObjectRequest("bkt", "", null, null, 0, Long.MAX_VALUE), headers()});
    Item big = Item.builder().string("pk", "k").string("v", "x".repeat(2000)).build();
    cases.put("a string to table.putItem", new Object[] {"table.putItem", "hello", headers()});
    cases.put("a table request to table.getItem", new Object[] {"table.getItem",
        TableRequest.of("t"), headers()});
    cases.put("no schema to table.create", new Object[] {"table.create", null, headers()});
    cases.put("a query without a stream id", new Object[] {"table.query",
        new ReadRequest("t", null, Scan.all()), headers("owner", "x", "credit", "1")});
    cases.put("an item over maxRequestBytes", new Object[] {"table.putItem",
        ItemRequest.write("t", big, null), headers()});
    cases.put("a table batch over maxRequestBytes", new Object[] {"table.batchWrite",
        TableBatch.writes(null, List.of(WriteRequest.put("t", big))), headers()});
    return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
      Object[] a = c.getValue();
      Throwable e = Nodes.awaitFailure(vertx.eventBus().request(
          binding.address((String) a[0]), a[1], (DeliveryOptions) a[2]));
      ReplyException r = assertInstanceOf(ReplyException.class, e);
      assertEquals(ReplyFailure.RECIPIENT_FAILURE, r.failureType());
      assertEquals(ErrorCode.INVALID_ARGUMENT.code(), r.failureCode(), r.getMessage());
      assertStillServing();
    }));
  }

  @Test
  void oversizedRequestsFailTypedThroughTheClientAndChangeNothing() {
    Bytes big = Bytes.wrap(new byte[2048]);
    StepVerifier.create(client.put(Bytes.utf8("big"), big))
        .expectErrorSatisfies(e -> {
          assertInstanceOf(InvalidArgumentException.class, e);
          assertTrue(e.getMessage().contains("maxRequestBytes"), e.getMessage());
        })
        .verify(Nodes.GUARD);
    StepVerifier.create(client.get(Bytes.utf8("big"))).verifyComplete();
  }

  @Test
  void anUploadThatBreaksTheProtocolIsAbortedAndStoresNothing() {
    DeliveryOptions rogue = headers("owner", "rogue", "stream", "1", "credit", "2");
    assertInstanceOf(UploadGrant.class, Nodes.await(vertx.eventBus().request(
        binding.address("object.put"), new ObjectWrite("bkt", "rogue", null), rogue)).body());
    DeliveryOptions owned = headers("owner", "rogue");
    ByteBuffer data = ByteBuffer.wrap(new byte[100]);
    for (UploadChunk c : java.util.List.of(new UploadChunk(1, 1, true, data),
        new UploadChunk(1, 0, true, data))) {
      // out of order, then in order but too late: the upload failed for good
      ReplyException r = assertInstanceOf(ReplyException.class, Nodes.awaitFailure(
          vertx.eventBus().request(binding.address("object.chunk"), c, owned)));
      assertEquals(ErrorCode.INVALID_ARGUMENT.code(), r.failureCode(), r.getMessage());
    }
    vertx.eventBus().send(binding.address("stream.cancel"), new Credit(1, 0), owned);
    Await.until("the upload released", java.time.Duration.ofSeconds(10),
        () -> Nodes.await(binding.heldByClients()) == 0);
    StepVerifier.create(bucket.head("rogue")).expectError(NotFoundException.class)
        .verify(Nodes.GUARD);
    assertStillServing();
  }

  @Test
  void anUploadOverTheObjectLimitFailsTypedAndStoresNothing() {
    Flux<ByteBuffer> content = Flux.range(0, 10).map(i -> ByteBuffer.wrap(new byte[MAX_OBJECT]));
    StepVerifier.create(bucket.put("huge", content, null))
        .expectErrorSatisfies(e -> {
          assertInstanceOf(InvalidArgumentException.class, e);
          assertTrue(e.getMessage().contains("maxObjectBytes"), e.getMessage());
        })
        .verify(Nodes.GUARD);
    StepVerifier.create(bucket.head("huge")).expectError(NotFoundException.class)
        .verify(Nodes.GUARD);
    Await.until("the upload released", java.time.Duration.ofSeconds(10),
        () -> Nodes.await(binding.heldByClients()) == 0);
  }

  @Test
  void aClientCutsItsChunksToWhatTheServiceAccepts() {
    byte[] data = new byte[MAX_OBJECT];
    new java.util.Random(5).nextBytes(data);
    bucket.put("cut", Flux.just(ByteBuffer.wrap(data)), null).block(Nodes.GUARD);
    ByteBuffer back = ByteBuffer.allocate(data.length);
    bucket.read("cut").doOnNext(back::put).blockLast(Nodes.GUARD);
    assertEquals(ByteBuffer.wrap(data), back.flip());
  }

  @Test
  void oneWayGarbageIsIgnoredAndTheServiceKeepsServing() {
    vertx.eventBus().send(binding.address("stream.credit"), "garbage");
    vertx.eventBus().send(binding.address("stream.cancel"), new Credit(99, 0));
    vertx.eventBus().send(binding.address("stream.credit"), new Credit(99, 5),
        headers("owner", "nobody"));
    assertStillServing();
  }

  @Test
  void aStoreThatThrowsInsteadOfSignallingGetsAnErrorReply() {
    dev.weir.reactive.ReactiveStore throwing = (dev.weir.reactive.ReactiveStore)
        java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {dev.weir.reactive.ReactiveStore.class}, (p, m, args) -> {
              if (m.getName().equals("close")) {
                return reactor.core.publisher.Mono.empty();
              }
              throw new IllegalStateException("a store must not throw");
            });
    EventBusStore c = served.serveUnchecked(throwing);
    StepVerifier.create(c.get(Bytes.utf8("k")))
        .expectErrorSatisfies(e -> assertEquals(ErrorCode.INTERNAL,
            ((dev.weir.engine.WeirException) e).errorCode()))
        .verify(Nodes.GUARD);
    c.close().block(Nodes.GUARD);
    assertStillServing();
  }

  private static void assertStillServing() {
    Bytes k = Bytes.utf8("probe");
    StepVerifier.create(client.put(k, Bytes.utf8("ok")).then(client.get(k)))
        .expectNext(Bytes.utf8("ok"))
        .verifyComplete();
    StepVerifier.create(bucket.put("probe", Flux.just(ByteBuffer.wrap(new byte[] {7})), null)
            .then(bucket.read("probe").single()))
        .expectNext(ByteBuffer.wrap(new byte[] {7}))
        .verifyComplete();
  }
}
