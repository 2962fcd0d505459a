package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WriteBatch;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Backpressure across the bus, counted on the wire ({@link WireLedger}): per stream, the
 * credits the client granted and the items the service sent, an overdraft counted the moment
 * sent exceeds granted. Also: cancellation and client close release the service's snapshot,
 * an abandoned stream is cleaned up after the lease timeout, a live idle one is not.
 */
class StreamFlowTest {

  private static final int WINDOW = 64;
  private static Vertx vertx;
  private static Served served;
  private static WireLedger ledger;
  private EventBusStore client;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    ledger = WireLedger.on(vertx);
    served = new Served(vertx, vertx,
        ServiceOptions.defaults().withLeaseTimeout(Duration.ofMillis(600)).withMaxFrameItems(16),
        ClientOptions.defaults().withWindow(WINDOW).withRenewInterval(Duration.ofMillis(50)));
  }

  @AfterAll
  static void stop() {
    Nodes.await(vertx.close());
  }

  @BeforeEach
  void fill() {
    client = served.create(EngineConfig.defaults());
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < 5000; i++) {
      w.put(Bytes.utf8(String.format("k%05d", i)), Bytes.utf8("v"));
    }
    client.write(w.build()).block(Nodes.GUARD);
    ledger.clear();
  }

  @AfterEach
  void close() {
    client.close().block(Nodes.GUARD);
    served.closeAll();
  }

  @Test
  void theServiceNeverSendsMoreThanTheClientGranted() {
    StepVerifier.create(client.scan(KeyRange.all()).limitRate(7)).expectNextCount(5000)
        .verifyComplete();
    WireLedger.takeInSteps(client.scan(KeyRange.all()));
    assertEquals(5000, client.scan(KeyRange.all()).count().block(Nodes.GUARD));
    assertEquals(0, ledger.overdrafts.get(), "frames beyond granted credit");
    assertTrue(WireLedger.total(ledger.sent) >= 5000 + 204 + 5000, ledger.sent.toString());
  }

  @Test
  void aPausedSubscriberHoldsTheServiceToExactlyWhatItRequested() {
    ledger.expectPausedSubscriberHeldToItsRequests(client.scan(KeyRange.all()), WINDOW);
  }

  @Test
  void cancellingAScanReleasesTheServiceSnapshot() {
    Paused<Entry> paused = new Paused<>(5);
    client.scan(KeyRange.all()).subscribe(paused);
    Await.until("5 items", Duration.ofSeconds(10), () -> paused.received.get() == 5);
    assertEquals(1, client.stats().block(Nodes.GUARD).openSnapshots());
    paused.cancel();
    Await.until("the snapshot released", Duration.ofSeconds(10),
        () -> client.stats().block(Nodes.GUARD).openSnapshots() == 0);
    Await.until("the stream dropped", Duration.ofSeconds(10),
        () -> Nodes.await(served.lastBinding().heldByClients()) == 0);
  }

  @Test
  void closingTheClientReleasesItsSnapshotsTransactionsAndStreams() {
    EventBusStore other = EventBusStore.create(vertx, served.lastBinding().storeName(),
        ClientOptions.defaults());
    other.snapshot().block(Nodes.GUARD);
    other.begin().block(Nodes.GUARD);
    other.scan(KeyRange.all()).subscribe(new Paused<>(1));
    Await.until("three held", Duration.ofSeconds(10),
        () -> Nodes.await(served.lastBinding().heldByClients()) == 3);
    other.close().block(Nodes.GUARD);
    assertEquals(0, Nodes.await(served.lastBinding().heldByClients()));
    Await.until("snapshots released", Duration.ofSeconds(10),
        () -> client.stats().block(Nodes.GUARD).openSnapshots() == 0);
  }

  @Test
  void anAbandonedStreamIsCleanedUpAfterTheLeaseTimeout() {
    // a client that opens a scan, takes one item and is never heard of again
    DeliveryOptions ghost = new DeliveryOptions().addHeader(Addresses.OWNER, "ghost-inbox")
        .addHeader(Addresses.STREAM, "1").addHeader(Addresses.INITIAL_CREDIT, "1");
    Nodes.await(vertx.eventBus().request(served.lastBinding().address(Addresses.SCAN),
        KeyRange.all(), ghost));
    Await.until("the ghost's scan holds a snapshot", Duration.ofSeconds(10),
        () -> client.stats().block(Nodes.GUARD).openSnapshots() == 1);
    Await.until("the lease expired", Duration.ofSeconds(10),
        () -> client.stats().block(Nodes.GUARD).openSnapshots() == 0);
    assertEquals(0, Nodes.await(served.lastBinding().heldByClients()));
  }

  @Test
  void aRenewalThatOvertakesAClientsFirstOpenIsARenewal() {
    // the client counts its stream as held before the open reaches the service; its renewal,
    // sent from a timer, can arrive first: the service has never heard of that client
    DeliveryOptions newcomer = new DeliveryOptions().addHeader(Addresses.OWNER, "newcomer-inbox");
    Nodes.await(vertx.eventBus().request(served.lastBinding().address(Addresses.RENEW), 1L,
        newcomer));
  }

  @Test
  void aLiveClientKeepsItsIdleStreamPastTheLeaseTimeout() {
    Paused<Entry> paused = new Paused<>(1);
    client.scan(KeyRange.all()).subscribe(paused);
    Await.until("1 item", Duration.ofSeconds(10), () -> paused.received.get() == 1);
    Nodes.await(vertx.timer(2_000)); // over three lease timeouts, renewed all along
    assertEquals(1, client.stats().block(Nodes.GUARD).openSnapshots());
    paused.request(Long.MAX_VALUE);
    Await.until("the rest", Duration.ofSeconds(10), () -> paused.done);
    assertEquals(5000, paused.received.get());
  }
}
