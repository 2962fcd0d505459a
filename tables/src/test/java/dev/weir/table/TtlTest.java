package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class TtlTest {

  private final TablesFixture f = new TablesFixture();
  private final Table sessions = f.create(TableSchema.builder("sessions")
      .partitionKey("pk", AttributeType.S)
      .globalIndex("by-user", KeySchema.of(KeyAttribute.string("user")), Projection.keysOnly())
      .ttl("expires_at")
      .stream(StreamView.NEW_AND_OLD_IMAGES)
      .build());

  @AfterEach
  void close() {
    f.close();
  }

  private Item session(String pk, long expiresAt) {
    return Item.builder().string("pk", pk).string("user", "u1").number("expires_at", expiresAt)
        .build();
  }

  private Query byUser() {
    return Query.builder().index("by-user").keyCondition("#u = :u").name("#u", "user")
        .value(":u", AttributeValue.string("u1")).build();
  }

  @Test
  void anItemPastItsTtlIsNeverReturnedByAnyRead() {
    long now = f.nowSeconds();
    sessions.putItem(session("live", now + 10)).block();
    sessions.putItem(session("gone", now + 5)).block();
    assertEquals(2, sessions.scan(Scan.all()).count().block());
    f.time.advanceTimeBy(Duration.ofMillis(5999)); // expires_at + 0.999: not yet past
    assertEquals(2, sessions.query(byUser()).count().block(), "at expires_at itself: kept");
    sessions.sweepExpired().block();
    f.time.advanceTimeBy(Duration.ofMillis(1)); // expires_at + 1: past
    // reads check expiry themselves, whatever the sweep has or has not done
    StepVerifier.create(sessions.getItem(TablesFixture.key("gone"))).verifyComplete();
    assertEquals(1, sessions.scan(Scan.all()).count().block());
    assertEquals(1, sessions.query(byUser()).count().block());
    assertEquals(1, f.tables.transactGet(List.of(KeyRef.of("sessions", TablesFixture.key("gone")),
        KeyRef.of("sessions", TablesFixture.key("live")))).block().stream()
        .filter(java.util.Optional::isPresent).count());
  }

  @Test
  void theBackgroundSweepRemovesExpiredItemsWithARemovalByTtlInTheStream() {
    long now = f.nowSeconds();
    List<StreamRecord> records = new ArrayList<>();
    Disposable stream = sessions.stream().subscribe(records::add);
    try {
      sessions.putItem(session("a", now + 3)).block();
      sessions.putItem(session("b", now + 100)).block();
      sessions.putItem(Item.builder().string("pk", "c").string("expires_at", "not a number")
          .build()).block();
      f.time.advanceTimeBy(Duration.ofSeconds(5)); // the sweep ticks each second
      assertEquals(2, sessions.describe().block().itemCount());
      assertEquals(3, records.size() - 1, "three inserts, then one removal");
      StreamRecord removal = records.get(3);
      assertEquals(StreamRecord.EventType.REMOVE, removal.eventType());
      assertTrue(removal.removedByTtl());
      assertEquals(TablesFixture.key("a"), removal.keys());
      assertEquals(session("a", now + 3), removal.oldImage());
      assertEquals(0L, sessions.sweepExpired().block(), "nothing left to sweep");
    } finally {
      stream.dispose();
    }
  }

  @Test
  void anItemWrittenAgainWithALaterTtlIsNotSwept() {
    long now = f.nowSeconds();
    sessions.putItem(session("a", now + 3)).block();
    sessions.putItem(session("a", now + 60)).block();
    f.time.advanceTimeBy(Duration.ofSeconds(10));
    assertEquals(1, sessions.scan(Scan.all()).count().block());
    assertEquals(1, sessions.query(byUser()).count().block());
  }

  @Test
  void aWriteOverAnExpiredItemSeesNoItemAndStreamsItsRemovalFirst() {
    try (TablesFixture unswept = new TablesFixture(Duration.ofDays(365))) {
      Table table = unswept.create(TableSchema.builder("sessions")
          .partitionKey("pk", AttributeType.S)
          .globalIndex("by-user", KeySchema.of(KeyAttribute.string("user")),
              Projection.keysOnly())
          .ttl("expires_at")
          .stream(StreamView.NEW_AND_OLD_IMAGES)
          .build());
      long now = unswept.nowSeconds();
      table.putItem(session("a", now + 1)).block();
      unswept.time.advanceTimeBy(Duration.ofSeconds(3));
      List<StreamRecord> records = new ArrayList<>();
      Disposable stream = table.stream().subscribe(records::add);
      try {
        Item old = table.putItem(session("a", now + 100), WriteOptions.builder()
            .condition("attribute_not_exists(pk)").returnValues(ReturnValues.ALL_OLD).build())
            .block();
        assertEquals(null, old, "an expired item is absent to a condition and to ALL_OLD");
        assertEquals(2, records.size());
        assertEquals(StreamRecord.EventType.REMOVE, records.get(0).eventType());
        assertTrue(records.get(0).removedByTtl());
        assertEquals(StreamRecord.EventType.INSERT, records.get(1).eventType());
        assertEquals(null, records.get(1).oldImage());
        assertEquals(1, table.query(byUser()).count().block(), "the old index entry is gone");
      } finally {
        stream.dispose();
      }
    }
  }
}
