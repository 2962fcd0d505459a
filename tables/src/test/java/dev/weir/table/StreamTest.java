package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.ChangesUnavailableException;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.UnsupportedFeatureException;
import dev.weir.reactive.Weir;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class StreamTest {

  private final TablesFixture f = new TablesFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Table table(StreamView view) {
    return f.create(TableSchema.builder("t-" + view.name().toLowerCase().replace('_', '-'))
        .partitionKey("pk", AttributeType.S).stream(view).build());
  }

  private static Item v(String pk, int value) {
    return Item.builder().string("pk", pk).number("v", value).build();
  }

  @Test
  void recordsCarryTheEventAndTheImagesTheViewAsksFor() {
    for (StreamView view : List.of(StreamView.KEYS_ONLY, StreamView.NEW_IMAGE,
        StreamView.OLD_IMAGE, StreamView.NEW_AND_OLD_IMAGES)) {
      Table t = table(view);
      List<StreamRecord> records = new ArrayList<>();
      Disposable d = t.stream().subscribe(records::add);
      t.putItem(v("a", 1)).block();
      t.putItem(v("a", 2)).block();
      t.putItem(v("a", 2)).block(); // changes nothing: no record, as DynamoDB
      t.deleteItem(TablesFixture.key("a")).block();
      t.deleteItem(TablesFixture.key("a")).block(); // deletes nothing: no record
      d.dispose();
      assertEquals(List.of(StreamRecord.EventType.INSERT, StreamRecord.EventType.MODIFY,
          StreamRecord.EventType.REMOVE),
          records.stream().map(StreamRecord::eventType).toList(), view.name());
      StreamRecord modify = records.get(1);
      assertEquals(TablesFixture.key("a"), modify.keys());
      assertEquals(view.carriesOld() ? v("a", 1) : null, modify.oldImage(), view.name());
      assertEquals(view.carriesNew() ? v("a", 2) : null, modify.newImage(), view.name());
      assertNull(records.get(2).newImage());
    }
  }

  @Test
  void aStreamResumesFromASequenceWithoutLossOrRepeat() {
    Table t = table(StreamView.NEW_IMAGE);
    List<StreamRecord> first = new ArrayList<>();
    Disposable d = t.stream().subscribe(first::add);
    for (int i = 0; i < 10; i++) {
      t.putItem(v("k" + (i % 3), i)).block();
    }
    d.dispose();
    assertEquals(10, first.size());
    List<StreamRecord> resumed = t.stream(first.get(3).sequence() + 1).take(6)
        .collectList().block();
    assertEquals(first.subList(4, 10), resumed);
  }

  @Test
  void aTransactionsRecordsArriveOnlyIfItCommits() {
    Table t = table(StreamView.NEW_IMAGE);
    List<StreamRecord> records = new ArrayList<>();
    Disposable d = t.stream().subscribe(records::add);
    t.putItem(v("a", 1)).block();
    StepVerifier.create(f.tables.transactWrite(List.of(
            TransactWriteItem.put(t.name(), v("b", 1)),
            TransactWriteItem.put(t.name(), v("a", 2), WriteOptions.builder()
                .condition("v = :x").value(":x", AttributeValue.number(7)).build()))))
        .expectError(TransactionCanceledException.class).verify();
    f.tables.transactWrite(List.of(TransactWriteItem.put(t.name(), v("b", 1)),
        TransactWriteItem.delete(t.name(), TablesFixture.key("a")))).block();
    d.dispose();
    assertEquals(List.of("a", "b", "a"),
        records.stream().map(r -> r.keys().getString("pk")).toList());
  }

  @Test
  void aSequenceNoLongerRetainedIsATypedError() {
    try (TablesFixture small = new TablesFixture()) {
      var store = Weir.inMemory(EngineConfig.builder().changeLogCapacity(64).maxBatchOps(64)
          .build());
      TableStore tables = Tables.over(store, new TableStoreOptions(small.time,
          TableStoreOptions.DEFAULT_SWEEP_INTERVAL));
      tables.createTable(TableSchema.builder("t-1").partitionKey("pk", AttributeType.S)
          .stream(StreamView.KEYS_ONLY).build()).block();
      Table t = tables.table("t-1");
      for (int i = 0; i < 200; i++) {
        t.putItem(v("k" + i, i)).block();
      }
      StepVerifier.create(t.stream(1)).expectError(ChangesUnavailableException.class).verify();
      tables.close().block();
      store.close().block();
    }
  }

  @Test
  void aTableWithoutAStreamRefusesToStreamAndADeletedTablesStreamEnds() {
    Table off = table(StreamView.OFF);
    StepVerifier.create(off.stream()).expectError(UnsupportedFeatureException.class).verify();
    Table on = table(StreamView.KEYS_ONLY);
    StepVerifier.create(on.stream())
        .then(() -> on.putItem(v("a", 1)).block())
        .expectNextCount(1)
        .then(() -> f.tables.deleteTable(on.name()).block())
        .verifyComplete();
  }
}
