package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TableLifecycleTest {

  private final TablesFixture f = new TablesFixture();

  @AfterEach
  void close() {
    f.close();
  }

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

  @Test
  void aCreatedTableIsDescribedWithItsSchemaAndListed() {
    TableDescription created = f.tables.createTable(users()).block();
    assertEquals(users(), created.schema());
    assertEquals(0, created.itemCount());
    TableDescription described = f.tables.describeTable("users").block();
    assertEquals(users(), described.schema());
    assertEquals(Map.of("by-email", 0L, "by-status", 0L), described.indexItemCounts());
    assertEquals(TablesFixture.START_SECONDS * 1000, described.createdAtEpochMillis());
    assertEquals(List.of("users"), f.tables.listTables().collectList().block());
  }

  @Test
  void describeCountsLiveItemsTheirBytesAndIndexEntries() {
    Table t = f.create(users());
    t.putItem(Item.builder().string("pk", "a").string("sk", "1").string("email", "a@x")
        .string("status", "on").build()).block();
    t.putItem(Item.builder().string("pk", "a").string("sk", "2").string("email", "b@x").build())
        .block();
    t.putItem(Item.builder().string("pk", "b").string("sk", "1")
        .number("expires_at", f.nowSeconds() - 1).string("status", "on").build()).block();
    TableDescription d = t.describe().block();
    assertEquals(2, d.itemCount(), "the expired item is not counted");
    assertEquals(Map.of("by-email", 2L, "by-status", 1L), d.indexItemCounts());
    // DynamoDB's sizes: names plus values, 1+1+2+1 + 1+2+5+3 + 6+2 = ... counted by ItemSize
    assertTrue(d.sizeBytes() > 0);
  }

  @Test
  void creatingATableTwiceIsRefusedAndChangesNothing() {
    f.tables.createTable(users()).block();
    StepVerifier.create(f.tables.createTable(users()))
        .expectError(TableExistsException.class)
        .verify();
    assertEquals(List.of("users"), f.tables.listTables().collectList().block());
  }

  @Test
  void anUnknownTableIsATableNotFoundForEveryOperation() {
    Table ghost = f.tables.table("ghost");
    StepVerifier.create(f.tables.describeTable("ghost")).expectError(TableNotFoundException.class)
        .verify();
    StepVerifier.create(f.tables.deleteTable("ghost")).expectError(TableNotFoundException.class)
        .verify();
    StepVerifier.create(ghost.putItem(TablesFixture.key("a")))
        .expectError(TableNotFoundException.class).verify();
    StepVerifier.create(ghost.getItem(TablesFixture.key("a")))
        .expectError(TableNotFoundException.class).verify();
    StepVerifier.create(ghost.scan(Scan.all())).expectError(TableNotFoundException.class)
        .verify();
  }

  @Test
  void aDeletedTableTakesItsItemsAndATableCreatedAgainStartsEmpty() {
    Table t = f.create(users());
    t.putItem(Item.builder().string("pk", "a").string("sk", "1").build()).block();
    f.tables.deleteTable("users").block();
    assertEquals(List.of(), f.tables.listTables().collectList().block());
    StepVerifier.create(t.getItem(TablesFixture.key("a", "1")))
        .expectError(TableNotFoundException.class).verify();
    Table again = f.create(users());
    assertEquals(List.of(), again.scan(Scan.all()).collectList().block());
    assertEquals(0, again.describe().block().itemCount());
  }

  @Test
  void aSecondTableStoreOverTheSameStoreSeesTablesCreatedAndDeletedByTheFirst() {
    TableStore other = Tables.over(f.store, new TableStoreOptions(f.time,
        TableStoreOptions.DEFAULT_SWEEP_INTERVAL));
    try {
      Table mine = f.create(users());
      mine.putItem(Item.builder().string("pk", "a").string("sk", "1").build()).block();
      Table theirs = other.table("users");
      assertEquals(1, theirs.scan(Scan.all()).count().block());
      f.tables.deleteTable("users").block();
      StepVerifier.create(theirs.putItem(Item.builder().string("pk", "a").string("sk", "2")
          .build())).expectError(TableNotFoundException.class).verify();
      f.create(users());
      theirs.putItem(Item.builder().string("pk", "b").string("sk", "1").build()).block();
      assertEquals(1, mine.scan(Scan.all()).count().block());
    } finally {
      other.close().block();
    }
  }

  @Test
  void schemasBreakingDynamoDbsRulesAreRefused() {
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("ab")
        .partitionKey("pk", AttributeType.S).build());
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("bad name")
        .partitionKey("pk", AttributeType.S).build());
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("users").build());
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("users")
        .partitionKey("pk", AttributeType.BOOL).build());
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("users")
        .partitionKey("pk", AttributeType.S)
        .localIndex("by-email", KeyAttribute.string("email"), Projection.all()).build(),
        "a local index needs a table with a sort key");
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("users")
        .partitionKey("pk", AttributeType.S)
        .globalIndex("i-1", KeySchema.of(KeyAttribute.number("pk")), Projection.all()).build(),
        "one type per key attribute");
    assertThrows(ItemValidationException.class, () -> TableSchema.builder("users")
        .partitionKey("pk", AttributeType.S)
        .globalIndex("i-1", KeySchema.of(KeyAttribute.string("a")), Projection.all())
        .globalIndex("i-1", KeySchema.of(KeyAttribute.string("b")), Projection.all()).build());
    TableSchema.Builder many = TableSchema.builder("users").partitionKey("pk", AttributeType.S);
    for (int i = 0; i < 21; i++) {
      many.globalIndex("index-" + i, KeySchema.of(KeyAttribute.string("a" + i)),
          Projection.all());
    }
    assertThrows(ItemValidationException.class, many::build);
  }
}
