package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Query;
import dev.weir.table.Scan;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.WriteRequest;
import dev.weir.testkit.TableConformanceFixture.Settings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Backpressure of table queries and scans across the bus, counted on the wire ({@link
 * WireLedger}) as for key-value scans: the service never sends more items than the client
 * granted, a paused subscriber holds the service to what it requested, and cancelling a query
 * releases the service's snapshot.
 */
class TableFlowTest {

  private static final int WINDOW = 64;
  private static final int ITEMS = 2000;
  private static Vertx vertx;
  private static Served served;
  private static WireLedger ledger;
  private EventBusTableStore tables;
  private Table events;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    ledger = WireLedger.on(vertx);
    served = new Served(vertx, vertx, ServiceOptions.defaults().withMaxFrameItems(16),
        ClientOptions.defaults().withWindow(WINDOW));
  }

  @AfterAll
  static void stop() {
    Nodes.await(vertx.close());
  }

  @BeforeEach
  void fill() {
    tables = served.createTables(new Settings(Schedulers.parallel(), Duration.ofHours(1), 0));
    tables.createTable(TableSchema.builder("events").partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.N).build()).block(Nodes.GUARD);
    events = tables.table("events");
    for (int from = 0; from < ITEMS; from += 50) {
      List<WriteRequest> batch = new ArrayList<>();
      for (int i = from; i < from + 50; i++) {
        batch.add(WriteRequest.put("events",
            Item.builder().string("pk", "p").number("sk", i).string("v", "x").build()));
      }
      events.batchWrite(batch).block(Nodes.GUARD);
    }
    ledger.clear();
  }

  @AfterEach
  void close() {
    tables.close().block(Nodes.GUARD);
    served.closeAll();
  }

  private static Query partition() {
    return Query.builder().keyCondition("pk = :p").value(":p", AttributeValue.string("p"))
        .build();
  }

  @Test
  void theServiceNeverSendsMoreItemsThanTheClientGranted() {
    StepVerifier.create(events.query(partition()).limitRate(7)).expectNextCount(ITEMS)
        .verifyComplete();
    WireLedger.takeInSteps(events.scan(Scan.all()));
    assertEquals(0, ledger.overdrafts.get(), "frames beyond granted credit");
    assertTrue(WireLedger.total(ledger.sent) >= ITEMS + 204, ledger.sent.toString());
  }

  @Test
  void aPausedQueryHoldsTheServiceToExactlyWhatItRequested() {
    ledger.expectPausedSubscriberHeldToItsRequests(events.query(partition()), WINDOW);
  }

  @Test
  void aFrameCarriesAtMostMaxFrameBytesOfItems() {
    // 128 items of 400 KB would be a 50 MB frame: items weigh against maxFrameBytes (1 MiB)
    Item.Builder big = Item.builder().string("pk", "big").string("v", "x".repeat(300_000));
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(WriteRequest.put("events", big.number("sk", i).build()));
    }
    events.batchWrite(batch).block(Nodes.GUARD);
    ledger.clear();
    Query q = Query.builder().keyCondition("pk = :p").value(":p", AttributeValue.string("big"))
        .build();
    assertEquals(12, events.query(q).count().block(Nodes.GUARD));
    assertTrue(ledger.largestFrameBytes.get() <= ServiceOptions.defaults().maxFrameBytes(),
        "largest frame " + ledger.largestFrameBytes.get());
    assertTrue(ledger.largestFrameBytes.get() > 600_000, "frames of more than one item");
  }

  @Test
  void cancellingAQueryReleasesTheServiceSnapshot() {
    EventBusStore kv = served.serveClient(served.lastBinding().storeName());
    Paused<Item> paused = new Paused<>(5);
    events.query(partition()).subscribe(paused);
    Await.until("5 items", Duration.ofSeconds(10), () -> paused.received.get() == 5);
    assertEquals(1, kv.stats().block(Nodes.GUARD).openSnapshots());
    paused.cancel();
    Await.until("the snapshot released", Duration.ofSeconds(10),
        () -> kv.stats().block(Nodes.GUARD).openSnapshots() == 0);
    Await.until("the stream dropped", Duration.ofSeconds(10),
        () -> Nodes.await(served.lastBinding().heldByClients()) == 0);
  }
}
