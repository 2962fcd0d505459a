package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.ChangesUnavailableException;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.UnsupportedFeatureException;
import dev.weir.table.AttributeType;
import dev.weir.table.Item;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeyRef;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.Query;
import dev.weir.table.ReturnValues;
import dev.weir.table.Scan;
import dev.weir.table.StreamRecord;
import dev.weir.table.StreamRecord.EventType;
import dev.weir.table.StreamView;
import dev.weir.table.Table;
import dev.weir.table.TableDescription;
import dev.weir.table.TableExistsException;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

/**
 * The conformance section of {@link TableStore}: what every implementation (the embedded table
 * store, the event-bus client) must do, written from DynamoDB's documented behaviour, each test
 * citing the rule it checks, and from Weir's own promises where it goes beyond DynamoDB
 * (indexes always consistent, expired items never returned, exact table descriptions,
 * all-or-nothing batch writes). Subclass it and supply the store from {@link
 * #newTableStore(Settings)}.
 *
 * <p>This class holds the tables themselves, TTL on virtual time and streams; its superclasses
 * hold single-item operations ({@link TableItemConformance}) and queries, scans, indexes,
 * batches and transactions ({@link TableReadConformance}).
 */
public abstract class TableStoreConformance extends TableReadConformance {

  private static TableSchema users() {
    return TableSchema.builder("users")
        .partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.S)
        .localIndex("by-email", KeyAttribute.string("email"), Projection.all())
        .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")),
            Projection.keysOnly())
        .ttl("expires_at")
        .stream(StreamView.NEW_AND_OLD_IMAGES)
        .build();
  }

  /** DynamoDB's size of an item of string attributes: names and values in UTF-8 bytes. */
  private static long stringItemSize(Item item) {
    long size = 0;
    for (String name : item.names()) {
      size += name.getBytes(StandardCharsets.UTF_8).length
          + item.getString(name).getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }

  // ------------------------------------------------------------------ tables

  @Test
  void aCreatedTableIsDescribedWithItsSchemaAndListedInNameOrder() {
    // CreateTable returns the table's description; DescribeTable its schema, item count, size
    // and each index's item count; ListTables the names (here in name order).
    TableDescription created = one(tables.createTable(users()));
    assertEquals(users(), created.schema());
    assertEquals(0, created.itemCount());
    assertEquals(START_SECONDS * 1000, created.createdAtEpochMillis());
    TableDescription described = one(tables.describeTable("users"));
    assertEquals(users(), described.schema());
    assertEquals(0, described.sizeBytes());
    assertEquals(Map.of("by-email", 0L, "by-status", 0L), described.indexItemCounts());
    assertEquals(users(), one(tables.table("users").describe()).schema());
    simpleTable("b-table");
    simpleTable("a-table");
    assertEquals(List.of("a-table", "b-table", "users"), all(tables.listTables()));
  }

  @Test
  void creatingATableWhoseNameIsTakenIsRefusedAndChangesNothing() {
    // CreateTable of an existing name: ResourceInUseException; the table is left as it was.
    Table t = create(users());
    one(t.putItem(key("a", "1")));
    refused(tables.createTable(TableSchema.builder("users").partitionKey("id", AttributeType.N)
        .build()), TableExistsException.class, ErrorCode.TABLE_EXISTS);
    assertEquals(users(), one(tables.describeTable("users")).schema());
    assertEquals(List.of(key("a", "1")), scanAll(t));
  }

  @Test
  void aTablesSchemaIsTheOneItWasCreatedWith() {
    // what PartiQL plans with at every statement: the schema, without describe's item count
    Table t = create(users());
    one(t.putItem(key("a", "1")));
    assertEquals(users(), one(tables.tableSchema("users")));
    assertEquals(one(tables.describeTable("users")).schema(), one(tables.tableSchema("users")));
  }

  @Test
  void everyOperationOnATableThatDoesNotExistIsTableNotFound() {
    // ResourceNotFoundException: "The operation tried to access a nonexistent table". A handle
    // taken before the table exists works once it does.
    Table ghost = tables.table("ghost");
    List<Publisher<?>> calls = List.of(
        tables.describeTable("ghost"), tables.tableSchema("ghost"), tables.deleteTable("ghost"),
        ghost.describe(),
        ghost.putItem(key("a")), ghost.getItem(key("a")), ghost.deleteItem(key("a")),
        ghost.updateItem(key("a"), "SET v = :v", options().value(":v", n(1)).build()),
        ghost.query(Query.builder().keyCondition("pk = :p").value(":p", s("a")).build()),
        ghost.queryPage(Query.builder().keyCondition("pk = :p").value(":p", s("a")).build()),
        ghost.scan(Scan.all()), ghost.scanPage(Scan.all()), ghost.batchGet(List.of(key("a"))),
        ghost.batchWrite(List.of(WriteRequest.put("ghost", key("a")))),
        tables.batchGet(List.of(KeyRef.of("ghost", key("a")))),
        tables.transactGet(List.of(KeyRef.of("ghost", key("a")))),
        tables.transactWrite(List.of(TransactWriteItem.put("ghost", key("a")))),
        ghost.stream(), ghost.stream(1), ghost.sweepExpired());
    for (Publisher<?> call : calls) {
      refused(call, TableNotFoundException.class, ErrorCode.TABLE_NOT_FOUND);
    }
    simpleTable("ghost");
    one(ghost.putItem(key("a")));
    assertEquals(List.of(key("a")), scanAll(ghost));
  }

  @Test
  void aDeletedTableTakesItsItemsAndIndexesAndComesBackEmpty() {
    // DeleteTable: "deletes a table and all of its items"; its indexes go with it. A table
    // created again under the name starts empty.
    Table t = create(users());
    one(t.putItem(key("a", "1").with("status", s("on")).with("email", s("a@x"))));
    one(tables.deleteTable("users"));
    assertEquals(List.of(), all(tables.listTables()));
    refused(t.getItem(key("a", "1")), TableNotFoundException.class, ErrorCode.TABLE_NOT_FOUND);
    Table again = create(users());
    assertEquals(List.of(), scanAll(again));
    assertEquals(List.of(), all(again.query(Query.builder().index("by-status")
        .keyCondition("#s = :s").name("#s", "status").value(":s", s("on")).build())));
    assertEquals(List.of(), all(again.scan(Scan.builder().index("by-email").build())));
    assertEquals(0, one(again.describe()).itemCount());
  }

  @Test
  void aDescriptionCountsLiveItemsTheirBytesAndEachIndexsEntries() {
    // DescribeTable: ItemCount, TableSizeBytes (DynamoDB's item sizes) and each index's
    // ItemCount (DynamoDB refreshes them about every six hours; Weir's are exact).
    Table t = create(users());
    Item a = key("a", "1").with("email", s("a@x")).with("status", s("on"));
    Item b = key("a", "2").with("email", s("b@x"));
    Item c = key("b", "1").with("status", s("off"));
    for (Item item : List.of(a, b, c)) {
      one(t.putItem(item));
    }
    TableDescription d = one(t.describe());
    assertEquals(3, d.itemCount());
    assertEquals(stringItemSize(a) + stringItemSize(b) + stringItemSize(c), d.sizeBytes());
    assertEquals(Map.of("by-email", 2L, "by-status", 2L), d.indexItemCounts());
    one(t.deleteItem(key("a", "1")));
    d = one(tables.describeTable("users"));
    assertEquals(2, d.itemCount());
    assertEquals(Map.of("by-email", 1L, "by-status", 1L), d.indexItemCounts());
  }

  // ------------------------------------------------------------------ TTL

  private Table sessions() {
    return create(TableSchema.builder("sessions")
        .partitionKey("pk", AttributeType.S)
        .globalIndex("by-user", KeySchema.of(KeyAttribute.string("user")), Projection.keysOnly())
        .ttl("expires_at")
        .stream(StreamView.NEW_AND_OLD_IMAGES)
        .build());
  }

  private static Item session(String pk, long expiresAt) {
    return key(pk).with("user", s("u1")).with("expires_at", n(expiresAt));
  }

  private static Query byUser() {
    return Query.builder().index("by-user").keyCondition("#u = :u").name("#u", "user")
        .value(":u", s("u1")).build();
  }

  @Test
  void anItemPastItsTtlIsNeverReturnedByAnyRead() {
    // TTL: an item is expired once the epoch second in its TTL attribute "is less than the
    // current time". DynamoDB may still return an expired item until it deletes it; Weir never
    // does, by any read or index, whether or not the sweep has removed it yet.
    Table t = sessions();
    long now = nowSeconds();
    one(t.putItem(session("live", now + 10)));
    one(t.putItem(session("gone", now + 5)));
    time.advanceTimeBy(Duration.ofMillis(5999));
    assertEquals(2, all(t.query(byUser())).size(), "at its TTL second an item is not expired");
    time.advanceTimeBy(Duration.ofMillis(1));
    assertNull(one(t.getItem(key("gone"))));
    assertEquals(List.of(session("live", now + 10)), scanAll(t));
    assertEquals(List.of(key("live").with("user", s("u1"))), all(t.query(byUser())));
    assertEquals(1, one(t.queryPage(byUser())).count());
    assertEquals(List.of(session("live", now + 10)),
        all(t.batchGet(List.of(key("gone"), key("live")))));
    assertEquals(List.of(Optional.empty(), Optional.of(session("live", now + 10))),
        one(tables.transactGet(List.of(KeyRef.of("sessions", key("gone")),
            KeyRef.of("sessions", key("live"))))));
    TableDescription d = one(t.describe());
    assertEquals(1, d.itemCount());
    assertEquals(Map.of("by-user", 1L), d.indexItemCounts());
  }

  @Test
  void anItemWithoutANumberTtlOrWithAFutureOneNeverExpires() {
    // TTL: "The TTL attribute's value must be a top-level Number data type"; items whose TTL
    // attribute is absent or of another type are not expired.
    Table t = sessions();
    long now = nowSeconds();
    List<Item> kept = List.of(key("none").with("user", s("u1")),
        key("text").with("expires_at", s("" + (now - 100))),
        key("set").with("expires_at", dev.weir.table.AttributeValue.numberSet(now - 100)),
        session("later", now + 1_000_000));
    for (Item item : kept) {
      one(t.putItem(item));
    }
    time.advanceTimeBy(Duration.ofSeconds(10));
    assertEquals(0L, one(t.sweepExpired()));
    assertEquals(Set.copyOf(kept), contents(t));
  }

  @Test
  void aSweepRemovesExpiredItemsWithAStreamRemovalMarkedAsByTtl() {
    // TTL deletes expired items in the background; "As items are deleted, they are removed
    // from any local secondary index and global secondary index"; the stream records of TTL
    // deletions say so (userIdentity type "Service", principalId "dynamodb.amazonaws.com").
    TableStore unswept = open(new Settings(time, Duration.ofDays(3650), 0));
    unswept.createTable(TableSchema.builder("sessions").partitionKey("pk", AttributeType.S)
        .globalIndex("by-user", KeySchema.of(KeyAttribute.string("user")), Projection.keysOnly())
        .ttl("expires_at").stream(StreamView.NEW_AND_OLD_IMAGES).build()).block(HANG_GUARD);
    Table t = unswept.table("sessions");
    long now = nowSeconds();
    one(t.putItem(session("a", now + 3)));
    one(t.putItem(session("b", now + 100)));
    time.advanceTimeBy(Duration.ofSeconds(5));
    assertEquals(1L, one(t.sweepExpired()));
    assertEquals(0L, one(t.sweepExpired()), "nothing left to sweep");
    List<StreamRecord> records = records(t, 3);
    StreamRecord removal = records.get(2);
    assertEquals(EventType.REMOVE, removal.eventType());
    assertTrue(removal.removedByTtl());
    assertEquals(key("a"), removal.keys());
    assertEquals(session("a", now + 3), removal.oldImage());
    assertNull(removal.newImage());
    assertTrue(records.subList(0, 2).stream().noneMatch(StreamRecord::removedByTtl));
    TableDescription d = one(t.describe());
    assertEquals(1, d.itemCount());
    assertEquals(Map.of("by-user", 1L), d.indexItemCounts());
  }

  @Test
  void theBackgroundSweepRemovesExpiredItemsAsVirtualTimePasses() throws Exception {
    // TTL: "DynamoDB automatically deletes expired items" in the background, with no request;
    // here the sweep runs on the store's clock every sweep interval.
    Table t = sessions();
    long now = nowSeconds();
    one(t.putItem(session("a", now + 2)));
    one(t.putItem(session("b", now + 1000)));
    CompletableFuture<List<StreamRecord>> removal = t.stream(1).skip(2).take(1).collectList()
        .toFuture();
    // each interval gives the sweep a tick; the removal arrives after one of them
    for (int i = 0; i < 200 && !removal.isDone(); i++) {
      time.advanceTimeBy(SWEEP_INTERVAL);
      try {
        removal.get(i < 3 ? 0 : 50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // the sweep that removes it completes on the store's threads; give it another tick
      }
    }
    StreamRecord record = removal.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS).get(0);
    assertEquals(EventType.REMOVE, record.eventType());
    assertTrue(record.removedByTtl());
    assertEquals(key("a"), record.keys());
    assertEquals(List.of(session("b", now + 1000)), scanAll(t));
  }

  @Test
  void aWriteOverAnExpiredItemFindsNoItem() {
    // Weir: an expired item is absent to every write too (conditions, ALL_OLD, update
    // operands); its removal by TTL is streamed before the write's own record.
    TableStore unswept = open(new Settings(time, Duration.ofDays(3650), 0));
    unswept.createTable(TableSchema.builder("sessions").partitionKey("pk", AttributeType.S)
        .ttl("expires_at").stream(StreamView.NEW_AND_OLD_IMAGES).build()).block(HANG_GUARD);
    Table t = unswept.table("sessions");
    long now = nowSeconds();
    one(t.putItem(session("a", now + 1).with("count", n(41))));
    time.advanceTimeBy(Duration.ofSeconds(3));
    assertNull(one(t.updateItem(key("a"), "ADD #c :one SET expires_at = :e",
        options().condition("attribute_not_exists(pk)").name("#c", "count")
            .value(":one", n(1)).value(":e", n(now + 100)).returnValues(ReturnValues.ALL_OLD)
            .build())));
    assertEquals(key("a").with("count", n(1)).with("expires_at", n(now + 100)),
        one(t.getItem(key("a"))));
    List<StreamRecord> records = records(t, 3);
    assertEquals(List.of(EventType.INSERT, EventType.REMOVE, EventType.INSERT),
        records.stream().map(StreamRecord::eventType).toList());
    assertTrue(records.get(1).removedByTtl());
    assertNull(records.get(2).oldImage());
  }

  @Test
  void anItemWhoseTtlMovesLaterIsKept() {
    // TTL: "you can update the TTL attribute to extend the item's life".
    Table t = sessions();
    long now = nowSeconds();
    one(t.putItem(session("a", now + 3)));
    one(t.updateItem(key("a"), "SET expires_at = :e",
        options().value(":e", n(now + 60)).build()));
    time.advanceTimeBy(Duration.ofSeconds(10));
    assertEquals(0L, one(t.sweepExpired()));
    assertEquals(List.of(session("a", now + 60)), scanAll(t));
    assertEquals(1, all(t.query(byUser())).size());
  }

  // ------------------------------------------------------------------ streams

  private Table streamed(String name, StreamView view) {
    return create(TableSchema.builder(name).partitionKey("pk", AttributeType.S).stream(view)
        .build());
  }

  private static Item v(String pk, long value) {
    return key(pk).with("v", n(value));
  }

  @Test
  void streamRecordsCarryTheEventAndTheImagesTheViewAsksFor() {
    // StreamViewType: KEYS_ONLY "only the key attributes of the modified item"; NEW_IMAGE "the
    // entire item, as it appears after it was modified"; OLD_IMAGE "as it appeared before";
    // NEW_AND_OLD_IMAGES both. eventName: INSERT, MODIFY, REMOVE.
    for (StreamView view : List.of(StreamView.KEYS_ONLY, StreamView.NEW_IMAGE,
        StreamView.OLD_IMAGE, StreamView.NEW_AND_OLD_IMAGES)) {
      Table t = streamed("t-" + view.name().toLowerCase().replace('_', '-'), view);
      one(t.putItem(v("a", 1)));
      one(t.putItem(v("a", 2)));
      one(t.updateItem(key("a"), "SET v = v + :one", options().value(":one", n(1)).build()));
      one(t.deleteItem(key("a")));
      List<StreamRecord> records = records(t, 4);
      assertEquals(List.of(EventType.INSERT, EventType.MODIFY, EventType.MODIFY,
          EventType.REMOVE), records.stream().map(StreamRecord::eventType).toList());
      List<Item> olds = java.util.Arrays.asList(null, v("a", 1), v("a", 2), v("a", 3));
      List<Item> news = java.util.Arrays.asList(v("a", 1), v("a", 2), v("a", 3), null);
      for (int i = 0; i < 4; i++) {
        StreamRecord r = records.get(i);
        assertEquals(key("a"), r.keys(), view + " keys");
        assertEquals(view.carriesOld() ? olds.get(i) : null, r.oldImage(), view + " old " + i);
        assertEquals(view.carriesNew() ? news.get(i) : null, r.newImage(), view + " new " + i);
        assertTrue(i == 0 || r.sequence() > records.get(i - 1).sequence(), "sequences grow");
        assertTrue(!r.removedByTtl());
      }
    }
  }

  @Test
  void aWriteThatChangesNothingOrFailsWritesNoRecord() {
    // Streams: "If you perform a PutItem or UpdateItem operation that does not change any data
    // in an item, DynamoDB Streams does not write a stream record for that operation"; a delete
    // of an absent item changes nothing either, and a failed write nothing at all.
    Table t = streamed("events", StreamView.NEW_AND_OLD_IMAGES);
    one(t.putItem(v("a", 1)));
    one(t.putItem(v("a", 1)));
    one(t.updateItem(key("a"), "SET v = :v REMOVE absent", options().value(":v", n("1.0"))
        .build()));
    one(t.deleteItem(key("nobody")));
    failure(t.putItem(v("a", 2), options().condition("v = :x").value(":x", n(7)).build()));
    failure(t.updateItem(key("a"), "SET v = v + :x", options().value(":x", s("x")).build()));
    failure(tables.transactWrite(List.of(TransactWriteItem.put("events", v("b", 1)),
        TransactWriteItem.conditionCheck("events", key("a"),
            options().condition("v = :x").value(":x", n(7)).build()))));
    one(t.putItem(v("marker", 1)));
    assertEquals(List.of(key("a"), key("marker")),
        records(t, 2).stream().map(StreamRecord::keys).toList());
  }

  @Test
  void aStreamResumesFromASequenceWithoutLossOrRepetition() {
    // Streams: "Each stream record appears exactly once in the stream"; "for each item that is
    // modified ... the stream records appear in the same sequence as the actual
    // modifications"; a reader resumes after the last sequence number it processed.
    Table t = streamed("events", StreamView.NEW_IMAGE);
    for (int i = 0; i < 10; i++) {
      one(t.putItem(v("k" + (i % 3), i)));
    }
    List<StreamRecord> first = records(t, 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(v("k" + (i % 3), i), first.get(i).newImage());
    }
    assertEquals(first.subList(4, 10),
        all(t.stream(first.get(3).sequence() + 1).take(6)));
  }

  @Test
  void aLiveStreamDeliversWhatIsCommittedAfterItsSubscription() throws Exception {
    // A stream read from "LATEST" sees the changes made after it started, not those before.
    Table t = streamed("events", StreamView.KEYS_ONLY);
    one(t.putItem(v("before", 1)));
    CompletableFuture<List<StreamRecord>> live = t.stream().take(2).collectList().toFuture();
    one(t.putItem(v("after", 1)));
    one(t.deleteItem(key("after")));
    List<StreamRecord> records = live.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(List.of(EventType.INSERT, EventType.REMOVE),
        records.stream().map(StreamRecord::eventType).toList());
    assertEquals(List.of(key("after"), key("after")),
        records.stream().map(StreamRecord::keys).toList());
  }

  @Test
  void transactionsAndBatchesStreamOneRecordPerItemChanged() {
    // A transaction's or a batch's writes each give their item's record; a condition check
    // changes nothing and gives none.
    Table t = streamed("events", StreamView.NEW_AND_OLD_IMAGES);
    one(t.putItem(v("a", 1)));
    one(tables.transactWrite(List.of(TransactWriteItem.put("events", v("b", 1)),
        TransactWriteItem.conditionCheck("events", key("a"),
            options().condition("v = :one").value(":one", n(1)).build()),
        TransactWriteItem.update("events", key("c"), "SET v = :one",
            options().value(":one", n(1)).build()))));
    one(tables.batchWrite(List.of(WriteRequest.delete("events", key("a")),
        WriteRequest.put("events", v("b", 2)))));
    List<StreamRecord> records = records(t, 5);
    assertEquals(List.of("a INSERT", "b INSERT", "c INSERT", "a REMOVE", "b MODIFY"),
        records.stream().map(r -> r.keys().getString("pk") + " " + r.eventType()).toList());
  }

  @Test
  void aSequenceNoLongerRetainedIsChangesUnavailable() {
    // Streams keep records for a limited time (24 hours); reading before the oldest retained
    // record is an error (TrimmedDataAccessException), never a silent gap.
    TableStore small = open(new Settings(time, SWEEP_INTERVAL, 64));
    small.createTable(TableSchema.builder("events").partitionKey("pk", AttributeType.S)
        .stream(StreamView.KEYS_ONLY).build()).block(HANG_GUARD);
    Table t = small.table("events");
    for (int i = 0; i < 200; i++) {
      one(t.putItem(v("k" + i, i)));
    }
    refused(t.stream(1), ChangesUnavailableException.class, ErrorCode.CHANGES_UNAVAILABLE);
  }

  @Test
  void aTableWithoutAStreamRefusesToStream() {
    // StreamSpecification: a table streams only if created with a stream view; reading the
    // stream of one without is refused (Weir's UnsupportedFeatureException).
    Table off = streamed("quiet", StreamView.OFF);
    refused(off.stream(), UnsupportedFeatureException.class, ErrorCode.UNSUPPORTED);
    refused(off.stream(1), UnsupportedFeatureException.class, ErrorCode.UNSUPPORTED);
  }

  @Test
  void aFailedTransactionReportsEveryFaultAndWritesNoRecord() {
    // TransactionCanceledException's reasons name every item at fault, not only the first.
    Table t = streamed("events", StreamView.KEYS_ONLY);
    one(t.putItem(v("a", 1)));
    TransactionCanceledException e = refused(tables.transactWrite(List.of(
            TransactWriteItem.put("events", v("b", 1), options()
                .condition("attribute_exists(pk)").build()),
            TransactWriteItem.put("events", v("c", 1)),
            TransactWriteItem.delete("events", key("a"), options().condition("v = :two")
                .value(":two", n(2)).build()))),
        TransactionCanceledException.class, ErrorCode.TRANSACTION_CANCELED);
    assertEquals(3, e.reasons().size());
    assertEquals(List.of("ConditionalCheckFailed", "None", "ConditionalCheckFailed"),
        e.reasons().stream().map(r -> r.code().wireName()).toList());
    one(t.putItem(v("marker", 1)));
    assertEquals(List.of(key("a"), key("marker")),
        records(t, 2).stream().map(StreamRecord::keys).toList());
    assertEquals(Set.of(v("a", 1), v("marker", 1)), contents(t));
    assertTrue(new ArrayList<>(e.reasons()).stream().allMatch(r -> r.oldItem().isEmpty()));
  }
}
