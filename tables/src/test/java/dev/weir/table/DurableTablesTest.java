package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.engine.EngineConfig;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables over a durable store: the catalog, the items, their index entries and the stream's
 * position survive a reopen, because they are the store's own keys, written in its atomic
 * batches and so logged whole.
 */
class DurableTablesTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private ReactiveStore open() {
    return Weir.open(EngineConfig.builder().directory(dir).memtableBytes(64 * 1024).build())
        .block(WAIT);
  }

  private static TableSchema users() {
    return TableSchema.builder("users")
        .partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.S)
        .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")),
            Projection.all())
        .stream(StreamView.NEW_AND_OLD_IMAGES)
        .build();
  }

  private static Item user(String pk, String sk, String status) {
    return Item.builder().string("pk", pk).string("sk", sk).string("status", status).build();
  }

  @Test
  void tablesItemsIndexesAndTheStreamSurviveAReopen() {
    ReactiveStore store = open();
    TableStore tables = Tables.over(store);
    tables.createTable(users()).block(WAIT);
    Table t = tables.table("users");
    for (int i = 0; i < 500; i++) {
      t.putItem(user("p" + (i % 10), String.format("s%03d", i), i % 2 == 0 ? "on" : "off"))
          .block(WAIT);
    }
    t.deleteItem(Item.builder().string("pk", "p0").string("sk", "s000").build()).block(WAIT);
    long lastSeq = t.stream(1).take(501).last().block(WAIT).sequence();
    tables.close().then(store.close()).block(WAIT);

    ReactiveStore again = open();
    TableStore reopened = Tables.over(again);
    assertEquals(List.of("users"), reopened.listTables().collectList().block(WAIT));
    assertEquals(users(), reopened.describeTable("users").block(WAIT).schema());
    Table u = reopened.table("users");
    assertEquals(499L, u.describe().block(WAIT).itemCount());
    assertNull(u.getItem(Item.builder().string("pk", "p0").string("sk", "s000").build())
        .block(WAIT));
    assertEquals("on", u.getItem(Item.builder().string("pk", "p2").string("sk", "s002").build())
        .block(WAIT).getString("status"));
    long onByIndex = u.query(Query.builder().index("by-status").keyCondition("#s = :s").name("#s", "status")
        .value(":s", AttributeValue.string("on")).build()).count().block(WAIT);
    assertEquals(249L, onByIndex);
    // the stream resumes after the last record seen before the reopen
    u.putItem(user("p9", "new", "on")).block(WAIT);
    StreamRecord next = u.stream(lastSeq + 1).blockFirst(WAIT);
    assertEquals("new", next.keys().getString("sk"));
    reopened.close().then(again.close()).block(WAIT);
  }
}
