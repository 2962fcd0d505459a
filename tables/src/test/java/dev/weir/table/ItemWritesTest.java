package dev.weir.table;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ItemWritesTest {

  private final TablesFixture f = new TablesFixture();
  private final Table plain = f.create(TableSchema.builder("plain")
      .partitionKey("pk", AttributeType.S).build());
  private final Table users = f.create(TableSchema.builder("users")
      .partitionKey("pk", AttributeType.S)
      .sortKey("sk", AttributeType.S)
      .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")), Projection.all())
      .build());

  @AfterEach
  void close() {
    f.close();
  }

  private static Item alice() {
    return Item.builder().string("pk", "user#1").string("sk", "profile")
        .string("name", "Alice").number("age", 30).string("status", "active").build();
  }

  @Test
  void aPutItemIsReadBackEqualOnEveryTableKind() {
    Item item = Item.builder().string("pk", "k").number("n", new java.math.BigDecimal("1.50"))
        .stringSet("tags", "b", "a").bool("ok", true).nullValue("none")
        .list("l", List.of(string("x"), number(2))).build();
    plain.putItem(item).block();
    assertEquals(item, plain.getItem(TablesFixture.key("k")).block());
    users.putItem(alice()).block();
    assertEquals(alice(), users.getItem(TablesFixture.key("user#1", "profile")).block());
  }

  @Test
  void anAbsentItemIsAnEmptyMono() {
    StepVerifier.create(plain.getItem(TablesFixture.key("none"))).verifyComplete();
    StepVerifier.create(users.deleteItem(TablesFixture.key("none", "x"),
        WriteOptions.builder().returnValues(ReturnValues.ALL_OLD).build())).verifyComplete();
  }

  @Test
  void aPutReplacesTheWholeItemAndReturnsTheOldOneWhenAsked() {
    users.putItem(alice()).block();
    Item replacement = Item.builder().string("pk", "user#1").string("sk", "profile")
        .string("name", "Alice B").build();
    Item old = users.putItem(replacement,
        WriteOptions.builder().returnValues(ReturnValues.ALL_OLD).build()).block();
    assertEquals(alice(), old);
    assertEquals(replacement, users.getItem(TablesFixture.key("user#1", "profile")).block());
  }

  @Test
  void aFalseConditionFailsTheWriteChangesNothingAndCarriesTheOldItemWhenAsked() {
    users.putItem(alice()).block();
    WriteOptions mustBeNew = WriteOptions.builder()
        .condition("attribute_not_exists(pk)").returnOldOnConditionFailure(true).build();
    Throwable e = users.putItem(alice().with("age", number(31)), mustBeNew)
        .onErrorResume(t -> reactor.core.publisher.Mono.error(t))
        .materialize().block().getThrowable();
    ConditionFailedException failed = assertInstanceOf(ConditionFailedException.class, e);
    assertEquals(alice(), failed.oldItem().orElseThrow());
    assertEquals(alice(), users.getItem(TablesFixture.key("user#1", "profile")).block());
    Item other = Item.builder().string("pk", "user#2").string("sk", "profile").build();
    users.putItem(other, mustBeNew).block();
    assertEquals(other, users.getItem(TablesFixture.key("user#2", "profile")).block());
  }

  @Test
  void anUpdateCreatesAnAbsentItemAndReturnsWhatWasAskedFor() {
    Item key = TablesFixture.key("user#9", "profile");
    WriteOptions counting = WriteOptions.builder()
        .name("#c", "count").value(":one", number(1))
        .returnValues(ReturnValues.UPDATED_NEW).build();
    assertEquals(Item.builder().number("count", 1).build(),
        users.updateItem(key, "ADD #c :one", counting).block());
    assertEquals(Item.builder().number("count", 2).build(),
        users.updateItem(key, "ADD #c :one", counting).block());
    Item all = users.updateItem(key, "SET #n = :n", WriteOptions.builder()
        .name("#n", "name").value(":n", string("Nine"))
        .returnValues(ReturnValues.ALL_NEW).build()).block();
    assertEquals(Item.builder().string("pk", "user#9").string("sk", "profile").number("count", 2)
        .string("name", "Nine").build(), all);
    Item updatedOld = users.updateItem(key, "REMOVE #n", WriteOptions.builder()
        .name("#n", "name").returnValues(ReturnValues.UPDATED_OLD).build()).block();
    assertEquals(Item.builder().string("name", "Nine").build(), updatedOld);
  }

  @Test
  void anUpdateMayNotChangeAKeyAttribute() {
    users.putItem(alice()).block();
    StepVerifier.create(users.updateItem(TablesFixture.key("user#1", "profile"), "SET sk = :s",
            WriteOptions.builder().value(":s", string("other")).build()))
        .expectError(ItemValidationException.class).verify();
    assertEquals(alice(), users.getItem(TablesFixture.key("user#1", "profile")).block());
  }

  @Test
  void anUpdateNamingAKeyAttributeIsRefusedWhateverItsValueAndItsCondition() {
    // DynamoDB: "Cannot update attribute sk. This attribute is part of the key", found in the
    // expression itself, before the item is read
    users.putItem(alice()).block();
    Item key = TablesFixture.key("user#1", "profile");
    StepVerifier.create(users.updateItem(key, "SET sk = :s",
            WriteOptions.builder().value(":s", string("profile")).build()))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("part of the key")).verify();
    StepVerifier.create(users.updateItem(key, "REMOVE #p", WriteOptions.builder()
            .name("#p", "pk").condition("age = :a").value(":a", number(99)).build()))
        .expectError(ItemValidationException.class).verify();
    StepVerifier.create(f.tables.transactWrite(List.of(TransactWriteItem.update("users", key,
            "SET sk = :s", WriteOptions.builder().value(":s", string("other")).build()))))
        .expectError(ItemValidationException.class).verify();
    assertEquals(alice(), users.getItem(key).block());
  }

  @Test
  void keysMissingMistypedOrWithExtraAttributesAreRefused() {
    StepVerifier.create(users.putItem(Item.builder().string("pk", "a").build()))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("missing key attribute sk")).verify();
    StepVerifier.create(users.putItem(Item.builder().number("pk", 1).string("sk", "a").build()))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("must be of type S")).verify();
    StepVerifier.create(users.getItem(alice())).expectError(ItemValidationException.class)
        .verify();
    StepVerifier.create(plain.putItem(Item.builder().string("pk", "").build()))
        .expectError(ItemValidationException.class).verify();
    StepVerifier.create(users.putItem(alice().with("status", number(1))))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("index by-status")).verify();
  }

  @Test
  void anAttributeNameOf64KbOrMoreIsRefusedByPutAndByUpdate() {
    // DynamoDB: attribute names are "less than 64 KB in size", in UTF-8
    String longest = "\u00e9".repeat(32 * 1024 - 1) + "a"; // 65,535 bytes
    plain.putItem(TablesFixture.key("k").with(longest, number(1))).block();
    assertEquals(number(1), plain.getItem(TablesFixture.key("k")).block().get(longest));
    StepVerifier.create(plain.putItem(TablesFixture.key("k2")
            .with("\u00e9".repeat(32 * 1024), number(1))))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("65536 bytes")).verify();
    StepVerifier.create(plain.updateItem(TablesFixture.key("k"), "SET #a = :v",
            WriteOptions.builder().name("#a", "x".repeat(64 * 1024)).value(":v", number(2))
                .build()))
        .expectError(ItemValidationException.class).verify();
    assertEquals(List.of(TablesFixture.key("k").with(longest, number(1))),
        plain.scan(Scan.all()).collectList().block());
  }

  @Test
  void anItemOver400KbIsRefusedAndOneJustUnderIsKept() {
    String big = "x".repeat(400 * 1024);
    StepVerifier.create(plain.putItem(Item.builder().string("pk", "k").string("v", big).build()))
        .expectErrorMatches(e -> e instanceof ItemValidationException
            && e.getMessage().contains("400 KB")).verify();
    StepVerifier.create(plain.getItem(TablesFixture.key("k"))).verifyComplete();
    Item fits = Item.builder().string("pk", "k").string("v", "x".repeat(400 * 1024 - 100))
        .build();
    plain.putItem(fits).block();
    assertEquals(fits, plain.getItem(TablesFixture.key("k")).block());
  }

  @Test
  void putAndDeleteReturnOnlyNoneOrAllOld() {
    StepVerifier.create(plain.putItem(TablesFixture.key("k"),
            WriteOptions.builder().returnValues(ReturnValues.ALL_NEW).build()))
        .expectError(ItemValidationException.class).verify();
  }

  @Test
  void undefinedOrUnusedPlaceholdersAreRefusedAsDynamoDbDoes() {
    StepVerifier.create(plain.putItem(TablesFixture.key("k"), WriteOptions.builder()
            .condition("attribute_not_exists(#p)").build()))
        .expectErrorMatches(e -> e instanceof ExpressionException
            && e.getMessage().contains("#p")).verify();
    StepVerifier.create(plain.putItem(TablesFixture.key("k"), WriteOptions.builder()
            .condition("attribute_not_exists(pk)").value(":unused", number(1)).build()))
        .expectErrorMatches(e -> e instanceof ExpressionException
            && e.getMessage().contains(":unused")).verify();
    StepVerifier.create(plain.getItem(TablesFixture.key("k"))).verifyComplete();
  }

  @Test
  void aBatchWriteAppliesAllOrNothingAndRefusesTheSameItemTwice() {
    f.tables.batchWrite(List.of(
        WriteRequest.put("users", alice()),
        WriteRequest.put("plain", TablesFixture.key("p")))).block();
    assertEquals(1, users.scan(Scan.all()).count().block());
    assertEquals(1, plain.scan(Scan.all()).count().block());
    StepVerifier.create(f.tables.batchWrite(List.of(
            WriteRequest.delete("plain", TablesFixture.key("p")),
            WriteRequest.put("plain", TablesFixture.key("p")))))
        .expectError(ItemValidationException.class).verify();
    StepVerifier.create(f.tables.batchWrite(List.of(
            WriteRequest.delete("users", TablesFixture.key("user#1", "profile")),
            WriteRequest.put("plain", Item.builder().number("pk", 1).build()))))
        .expectError(ItemValidationException.class).verify();
    assertEquals(1, users.scan(Scan.all()).count().block(), "nothing of a refused batch lands");
  }

  @Test
  void aTransactionWritesAllOrNothingWithAReasonPerItem() {
    users.putItem(alice()).block();
    TransactionCanceledException e = assertInstanceOf(TransactionCanceledException.class,
        f.tables.transactWrite(List.of(
            TransactWriteItem.put("plain", TablesFixture.key("new")),
            TransactWriteItem.conditionCheck("users", TablesFixture.key("user#1", "profile"),
                WriteOptions.builder().condition("age > :a").value(":a", number(40))
                    .returnOldOnConditionFailure(true).build()),
            TransactWriteItem.delete("users", TablesFixture.key("user#2", "x"))))
            .materialize().block().getThrowable());
    assertEquals(List.of(CancellationReason.Code.NONE,
        CancellationReason.Code.CONDITIONAL_CHECK_FAILED, CancellationReason.Code.NONE),
        e.reasons().stream().map(CancellationReason::code).toList());
    assertEquals(alice(), e.reasons().get(1).oldItem().orElseThrow());
    StepVerifier.create(plain.getItem(TablesFixture.key("new"))).verifyComplete();

    f.tables.transactWrite(List.of(
        TransactWriteItem.put("plain", TablesFixture.key("new")),
        TransactWriteItem.update("users", TablesFixture.key("user#1", "profile"),
            "SET age = age + :one", WriteOptions.builder().value(":one", number(1)).build())))
        .block();
    assertEquals(TablesFixture.key("new"), plain.getItem(TablesFixture.key("new")).block());
    assertEquals(31L, users.getItem(TablesFixture.key("user#1", "profile")).block()
        .getLong("age"));
  }

  @Test
  void transactGetReadsEveryItemAtOneSnapshotInRequestOrder() {
    users.putItem(alice()).block();
    List<java.util.Optional<Item>> read = f.tables.transactGet(List.of(
        KeyRef.of("plain", TablesFixture.key("none")),
        KeyRef.of("users", TablesFixture.key("user#1", "profile")))).block();
    assertEquals(java.util.Optional.empty(), read.get(0));
    assertEquals(alice(), read.get(1).orElseThrow());
  }

  @Test
  void getItemProjectsTheAttributesAsked() {
    users.putItem(alice().with("address", AttributeValue.map(Map.of(
        "city", string("Oslo"), "zip", string("0150"))))).block();
    Item projected = users.getItem(TablesFixture.key("user#1", "profile"),
        GetOptions.builder().projection("#n, address.city").name("#n", "name").build()).block();
    assertEquals(Item.builder().string("name", "Alice")
        .map("address", Map.of("city", string("Oslo"))).build(), projected);
    assertNull(projected.get("age"));
    assertTrue(projected.contains("address"));
  }
}
