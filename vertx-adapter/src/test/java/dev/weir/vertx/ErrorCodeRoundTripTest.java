package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangesOverflowException;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.KeyRange;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.WeirException;
import dev.weir.reactive.object.BucketNotEmptyException;
import dev.weir.reactive.object.InvalidPartException;
import dev.weir.reactive.object.InvalidPartOrderException;
import dev.weir.vertx.codec.KeyRequest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;

/**
 * Every error code crosses the bus and comes back as the same exception kind with the same code
 * and message, both as a request's failure and as a stream's end; an overflow keeps its last
 * delivered sequence, a not-found its kind, and the object layer's refusals their own classes.
 * A failure that is not a {@code WeirException} arrives as {@code INTERNAL}.
 */
class ErrorCodeRoundTripTest {

  private static Vertx vertx;
  private static Served served;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx);
  }

  @AfterAll
  static void stop() {
    Nodes.await(vertx.close());
  }

  @AfterEach
  void unbind() {
    served.closeAll();
  }

  @TestFactory
  Stream<DynamicTest> everyCodeRoundTrips() {
    return Arrays.stream(ErrorCode.values()).map(code -> DynamicTest.dynamicTest(code.name(),
        () -> {
          String message = code == ErrorCode.CHANGES_OVERFLOW
              ? "subscriber fell behind; last delivered sequence 4242"
              : "failed with " + code;
          WeirException sent = WeirException.of(code.code(), message);
          EventBusStore client = servedFailing(sent);
          check(sent, error(client.get(Bytes.utf8("k"))));
          check(sent, error(client.scan(KeyRange.all()).then()));
          check(sent, error(client.watch(Bytes.utf8("p")).then()));
          client.close().block(Nodes.GUARD);
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyFinerKindRoundTrips() {
    return Stream.concat(
            Arrays.stream(NotFoundException.Kind.values())
                .map(k -> new NotFoundException(k, "no such " + k)),
            Stream.of(new BucketNotEmptyException("bucket b holds 1 object"),
                new InvalidPartException("part 2 has another ETag"),
                new InvalidPartOrderException("parts must be in strictly ascending order")))
        .map(sent -> DynamicTest.dynamicTest(sent.getClass().getSimpleName() + " "
            + (sent instanceof NotFoundException ? ((NotFoundException) sent).kind() : ""), () -> {
              EventBusStore client = servedFailing(sent);
              check(sent, error(client.get(Bytes.utf8("k"))));
              check(sent, error(client.scan(KeyRange.all()).then()));
              client.close().block(Nodes.GUARD);
            }));
  }

  @Test
  void aRawRequesterSeesTheCodeOfAFinerKind() {
    EventBusStore client = servedFailing(new NotFoundException(NotFoundException.Kind.BUCKET,
        "no such bucket: b"));
    Throwable e = Nodes.awaitFailure(vertx.eventBus().request(
        served.lastBinding().address(Addresses.GET), KeyRequest.of(Bytes.utf8("k"))));
    ReplyException r = assertInstanceOf(ReplyException.class, e);
    assertEquals(ReplyFailure.RECIPIENT_FAILURE, r.failureType());
    assertEquals(ErrorCode.NOT_FOUND.code(), r.failureCode());
    assertEquals("no such bucket: b", r.getMessage());
    client.close().block(Nodes.GUARD);
  }

  @TestFactory
  Stream<DynamicTest> aForeignExceptionArrivesAsInternal() {
    return Stream.of(new IllegalStateException("boom"), new NullPointerException())
        .map(e -> DynamicTest.dynamicTest(e.getClass().getSimpleName(), () -> {
          EventBusStore client = servedFailing(e);
          Throwable got = error(client.get(Bytes.utf8("k")));
          assertSame(WeirException.class, got.getClass());
          assertEquals(ErrorCode.INTERNAL, ((WeirException) got).errorCode());
          client.close().block(Nodes.GUARD);
        }));
  }

  private EventBusStore servedFailing(Throwable error) {
    return served.serveUnchecked(StubStores.failing(error));
  }

  private static Throwable error(Mono<?> call) {
    return call.materialize().block(Nodes.GUARD).getThrowable();
  }

  private static void check(WeirException sent, Throwable got) {
    assertSame(sent.getClass(), got.getClass(), "kind of " + sent.errorCode());
    WeirException w = (WeirException) got;
    assertEquals(sent.code(), w.code());
    assertEquals(sent.getMessage(), w.getMessage());
    if (sent instanceof NotFoundException) {
      assertEquals(((NotFoundException) sent).kind(), ((NotFoundException) w).kind());
    }
    if (sent instanceof ChangesOverflowException) {
      assertEquals(4242, ((ChangesOverflowException) w).lastDeliveredSequence());
    }
  }
}
