package dev.weir.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import org.junit.jupiter.api.Test;

/** The example of tables/README.md and of the root README, as written there, does what it says. */
class ReadmeExampleTest {

  @Test
  void theReadmeExamplePrintsTheUpdatedAge() {
    ReactiveStore store = Weir.inMemory();
    TableStore tables = Tables.over(store);
    try {
      TableSchema users = TableSchema.builder("users")
          .partitionKey("pk", AttributeType.S)
          .sortKey("sk", AttributeType.S)
          .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")),
              Projection.keysOnly())
          .ttl("expires_at")
          .stream(StreamView.NEW_AND_OLD_IMAGES)
          .build();
      Table t = tables.table("users");
      Item updated = tables.createTable(users)
          .then(t.putItem(Item.builder().string("pk", "user#1").string("sk", "profile")
              .string("name", "Alice").number("age", 30).string("status", "active").build()))
          .thenMany(t.query(Query.builder().index("by-status").keyCondition("#s = :s")
              .name("#s", "status").value(":s", AttributeValue.string("active")).build()))
          .then(t.updateItem(Item.builder().string("pk", "user#1").string("sk", "profile")
                  .build(),
              "SET age = age + :one", WriteOptions.builder()
                  .value(":one", AttributeValue.number(1))
                  .returnValues(ReturnValues.UPDATED_NEW).build()))
          .block();
      assertEquals("{\"age\":{\"N\":\"31\"}}", updated.toJson());
    } finally {
      tables.close().block();
      store.close().block();
    }
  }
}
