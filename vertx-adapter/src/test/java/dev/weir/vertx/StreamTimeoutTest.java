package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WeirException;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.Upload;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A stream whose service does not answer fails with the {@code TIMEOUT} a request gets, never
 * hangs: one that never opens (a watch too), one whose first frame never comes, and one whose
 * service falls silent while it owes granted items. Silence that the client caused is not a
 * timeout: a subscriber that takes its time owes nothing, and neither does a quiet watch.
 */
class StreamTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofMillis(200);

  /** Several timeouts: long enough that a stream that would time out has done so. */
  private static final long QUIET_MILLIS = 3 * TIMEOUT.toMillis();

  private Vertx vertx;
  private Served served;

  @BeforeEach
  void start() {
    vertx = Nodes.local();
    served = new Served(vertx, vertx, ServiceOptions.defaults(),
        ClientOptions.defaults().withRequestTimeout(TIMEOUT));
  }

  @AfterEach
  void stop() {
    try {
      served.closeAll();
    } finally {
      Nodes.await(vertx.close());
    }
  }

  @Test
  void aStreamWhoseFirstFrameNeverComesTimesOut() {
    EventBusStore kv = served.serveUnchecked(StubStores.silent());
    EventBusObjectStore objects =
        served.serveObjects(StubStores.silent(), StubStores.silentObjects());
    Bucket bucket = objects.bucket("silent");
    Upload upload = new Upload("silent", "k", "u", null);
    List<Supplier<Flux<?>>> streams = List.of(
        () -> kv.scan(KeyRange.all()), () -> kv.history(Bytes.utf8("k")),
        objects::listBuckets, objects::stats, () -> bucket.read("k"),
        () -> bucket.read("k", 1, 2), () -> bucket.objects("p"), bucket::listUploads,
        () -> bucket.listParts(upload));
    for (Supplier<Flux<?>> stream : streams) {
      assertTimeout(stream.get().then().materialize().block(Nodes.GUARD).getThrowable());
    }
  }

  @Test
  void aStreamThatIsNeverAcknowledgedTimesOutAWatchToo() {
    Addresses mute = new Addresses("weir", "mute");
    List<MessageConsumer<Object>> swallowers = List.of(
        vertx.eventBus().consumer(mute.of(Addresses.SCAN), m -> {}),
        vertx.eventBus().consumer(mute.of(Addresses.WATCH), m -> {}));
    swallowers.forEach(c -> Nodes.await(c.completion()));
    EventBusStore kv =
        EventBusStore.create(vertx, "mute", ClientOptions.defaults().withRequestTimeout(TIMEOUT));
    try {
      assertTimeout(kv.watch(Bytes.utf8("k")).then().materialize().block(Nodes.GUARD)
          .getThrowable());
      assertTimeout(kv.scan(KeyRange.all()).then().materialize().block(Nodes.GUARD)
          .getThrowable());
    } finally {
      kv.close().block(Nodes.GUARD);
      swallowers.forEach(c -> Nodes.await(c.unregister()));
    }
  }

  @Test
  void aScanThatFallsSilentWhileItOwesTimesOutButASlowSubscriberNever() {
    Entry first = new Entry(Bytes.utf8("a"), Bytes.utf8("1"), 1);
    EventBusStore kv = served.serveUnchecked(StubStores.stallingScans(first));
    Paused<Entry> slow = new Paused<>(1);
    kv.scan(KeyRange.all()).subscribe(slow);
    assertOnlyTheSlowSubscriberWaits(slow);
  }

  @Test
  void aReadThatFallsSilentWhileItOwesTimesOutButASlowSubscriberNever() {
    EventBusObjectStore objects = served.serveObjects(StubStores.silent(),
        StubStores.stallingReads(ByteBuffer.wrap(new byte[] {1, 2, 3})));
    Paused<ByteBuffer> slow = new Paused<>(1);
    objects.bucket("b").read("k").subscribe(slow);
    assertOnlyTheSlowSubscriberWaits(slow);
  }

  @Test
  void aQuietWatchNeverTimesOut() {
    EventBusStore kv = served.serveUnchecked(StubStores.silent());
    Paused<Object> watcher = new Paused<>(16);
    kv.watch(Bytes.utf8("k")).subscribe(watcher);
    Nodes.await(vertx.timer(QUIET_MILLIS));
    assertFalse(watcher.done, "a watch waits for changes as long as there are none");
    assertNull(watcher.error);
    watcher.dispose();
  }

  /**
   * {@code slow} took the first item the store sent and asks for nothing more: the service
   * owes nothing, so however long it waits the stream stays open; once it asks again, the
   * store's silence is a timeout.
   */
  private void assertOnlyTheSlowSubscriberWaits(Paused<?> slow) {
    Await.until("the first item arrives", Nodes.GUARD, () -> slow.received.get() == 1);
    Nodes.await(vertx.timer(QUIET_MILLIS));
    assertFalse(slow.done, "a subscriber that takes its time is not a silent service");
    slow.request(1);
    Await.until("the stream ends", Nodes.GUARD, () -> slow.done);
    assertTimeout(slow.error);
    assertEquals(1, slow.received.get());
  }

  private static void assertTimeout(Throwable e) {
    WeirException w = assertInstanceOf(WeirException.class, e);
    assertEquals(ErrorCode.TIMEOUT, w.errorCode(), w.getMessage());
  }
}
