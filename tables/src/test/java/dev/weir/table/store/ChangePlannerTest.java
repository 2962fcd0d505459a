package dev.weir.table.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import dev.weir.table.AttributeType;
import dev.weir.table.Item;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine writes an item change plans: index entries are written only when they change. */
class ChangePlannerTest {

  private final TableFormat users = format(TableSchema.builder("users")
      .partitionKey("pk", AttributeType.S)
      .globalIndex("by-email", KeySchema.of(KeyAttribute.string("email")), Projection.keysOnly())
      .globalIndex("by-team", KeySchema.of(KeyAttribute.string("team")),
          Projection.include("name"))
      .globalIndex("by-age", KeySchema.of(KeyAttribute.number("age")), Projection.all())
      .build());

  private static TableFormat format(TableSchema schema) {
    TableRecord record = new TableRecord(schema, 7, 0);
    return new TableFormat(record, SchemaCodec.encode(record));
  }

  private static Item user(String email, String team, String name, int age, String note) {
    return Item.builder().string("pk", "u1").string("email", email).string("team", team)
        .string("name", name).number("age", age).string("note", note).build();
  }

  private List<WriteBatch.Op> plan(Item stored, Item next) {
    EngineOps ops = new EngineOps();
    Item key = stored != null ? stored : next;
    ChangePlanner.plan(users, users.itemKey(key), stored, false, next, false, ops);
    return ops.toBatch().ops();
  }

  private Bytes entry(int index, Item item) {
    return users.indexKey(index, item);
  }

  @Test
  void aChangeOfAnAttributeNoIndexProjectsWritesTheItemAndTheListingIndexOnly() {
    Item before = user("a@x", "red", "Ann", 30, "old");
    Item after = user("a@x", "red", "Ann", 30, "new");
    List<WriteBatch.Op> ops = plan(before, after);
    // the item, and the index that projects every attribute; not the keys-only or include ones
    assertEquals(List.of(users.itemKey(after), entry(2, after)),
        ops.stream().map(WriteBatch.Op::key).toList());
  }

  @Test
  void anIncludedAttributeRewritesItsIndexEntryInPlace() {
    Item before = user("a@x", "red", "Ann", 30, "n");
    Item after = user("a@x", "red", "Anne", 30, "n");
    List<WriteBatch.Op> ops = plan(before, after);
    assertEquals(List.of(users.itemKey(after), entry(1, after), entry(2, after)),
        ops.stream().map(WriteBatch.Op::key).toList());
    assertEquals(WriteBatch.Kind.PUT, ops.get(1).kind());
  }

  @Test
  void aMovedIndexKeyDeletesTheOldEntryAndPutsTheNew() {
    Item before = user("a@x", "red", "Ann", 30, "n");
    Item after = user("b@x", "red", "Ann", 30, "n");
    List<WriteBatch.Op> ops = plan(before, after);
    assertEquals(List.of(users.itemKey(after), entry(0, before), entry(0, after), entry(2, after)),
        ops.stream().map(WriteBatch.Op::key).toList());
    assertEquals(WriteBatch.Kind.DELETE, ops.get(1).kind());
  }

  @Test
  void aNewItemPutsEveryIndexEntry() {
    Item after = user("a@x", "red", "Ann", 30, "n");
    assertEquals(4, plan(null, after).size());
  }
}
