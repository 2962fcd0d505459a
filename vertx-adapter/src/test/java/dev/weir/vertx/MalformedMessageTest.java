package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WriteBatch;
import dev.weir.vertx.codec.Credit;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.test.StepVerifier;

/**
 * Messages no client would send (wrong body types, missing or garbled headers, oversized
 * requests) each get an {@code INVALID_ARGUMENT} failure reply, the store sees none of them,
 * and the service keeps serving.
 */
class MalformedMessageTest {

  private static Vertx vertx;
  private static Served served;
  private static EventBusStore client;
  private static StoreBinding binding;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx, vertx, ServiceOptions.defaults().withMaxRequestBytes(1024),
        ClientOptions.defaults());
    client = served.create(dev.weir.engine.EngineConfig.defaults());
    binding = served.lastBinding();
  }

  @AfterAll
  static void stop() {
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
  }
}
