package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.WeirException;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.ReturnValues;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.WriteOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Items one at a time: put, get, update and delete with every ReturnValues, condition
 * expressions, update actions, DynamoDB's numbers and sets, and the misuses DynamoDB refuses
 * with a ValidationException. Each test cites the rule of DynamoDB's documentation (developer
 * guide or API reference) it checks.
 */
public abstract class TableItemConformance extends TableConformanceFixture {

  private static Item alice() {
    return Item.builder().string("pk", "user#1").string("name", "Alice").number("age", 30)
        .stringSet("tags", "a", "b").list("list", List.of(n(1), n(2), n(3)))
        .map("m", Map.of("x", s("y"))).bool("flag", true).nullValue("nothing")
        .binary("bin", new byte[] {1, 2}).number("version", 1).build();
  }

  private static WriteOptions allOld() {
    return options().returnValues(ReturnValues.ALL_OLD).build();
  }

  /** {@code update} applied to {@code before} (put first), returning what {@code rv} asks. */
  private Item updated(Table t, Item before, String update, Map<String, AttributeValue> values,
      ReturnValues rv) {
    one(t.putItem(before));
    return one(t.updateItem(key(before.getString("pk")), update,
        options().values(values).returnValues(rv).build()));
  }

  /** Runs {@code write}, which must fail with ConditionFailed and change nothing. */
  private ConditionFailedException conditionFails(Table t, Mono<?> write) {
    return unchangedBy(t, write, ConditionFailedException.class, ErrorCode.CONDITION_FAILED);
  }

  /** Runs {@code write}, which must be refused as invalid and change nothing. */
  private InvalidArgumentException refusedUnchanged(Table t, Mono<?> write) {
    return unchangedBy(t, write, InvalidArgumentException.class, ErrorCode.INVALID_ARGUMENT);
  }

  private static <T extends WeirException> T unchangedBy(Table t, Mono<?> write, Class<T> type,
      ErrorCode code) {
    List<Item> before = scanAll(t);
    T e = refused(write, type, code);
    assertEquals(before, scanAll(t), "a failed write changes nothing");
    return e;
  }

  // ------------------------------------------------------------------ put, get, delete

  @Test
  void aPutItemIsReadBackEqualWithEveryAttributeType() {
    // Data types: scalars S, N, B, BOOL, NULL; documents L and M, nested; sets SS, NS, BS.
    // Non-key strings and binaries may be empty. Strings are Unicode in UTF-8.
    Table t = simpleTable("types");
    Item item = Item.builder().string("pk", "k").string("s", "é-ключ-鍵-😀").string("empty", "")
        .number("n", "-12.5").binary("b", new byte[] {0, (byte) 0xff}).binary("noBytes",
            new byte[0])
        .bool("yes", true).bool("no", false).nullValue("z")
        .list("l", List.of(s("x"), n(1), AttributeValue.list(), AttributeValue.map(
            Map.of("k", n(2)))))
        .map("m", Map.of("nested", AttributeValue.map(Map.of("deep", s("y"))),
            "emptyList", AttributeValue.list(), "emptyMap", AttributeValue.map(Map.of())))
        .stringSet("ss", "b", "a").numberSet("ns", 3, 1, 2)
        .binarySet("bs", List.of(Bytes.fromHex("01"), Bytes.fromHex("ff00")))
        .build();
    one(t.putItem(item));
    assertEquals(item, one(t.getItem(key("k"))));
    assertEquals(List.of(item), scanAll(t));
  }

  @Test
  void getOfAnAbsentItemIsEmptyAndDeletingItSucceedsReturningNothing() {
    // GetItem: "If there is no matching item, GetItem does not return any data". DeleteItem:
    // "Unless you specify conditions, the DeleteItem is an idempotent operation; running it
    // multiple times on the same item or attribute does not result in an error response."
    Table t = compositeTable("users");
    assertNull(one(t.getItem(key("none", "x"))));
    assertNull(one(t.deleteItem(key("none", "x"))));
    assertNull(one(t.deleteItem(key("none", "x"), allOld())));
    assertEquals(List.of(), scanAll(t));
  }

  @Test
  void aPutReplacesTheWholeItemAndReturnsTheOldOneOnlyWhenAsked() {
    // PutItem: "If an item that has the same primary key as the new item already exists in the
    // specified table, the new item completely replaces the existing item." ReturnValues:
    // NONE (the default) returns nothing; ALL_OLD "the content of the old item is returned".
    Table t = simpleTable("users");
    assertNull(one(t.putItem(alice(), allOld())), "no old item: nothing returned");
    Item replacement = Item.builder().string("pk", "user#1").string("city", "Oslo").build();
    assertNull(one(t.putItem(replacement.with("city", s("Bergen")))));
    assertEquals(replacement.with("city", s("Bergen")), one(t.putItem(replacement, allOld())));
    assertEquals(replacement, one(t.getItem(key("user#1"))));
  }

  @Test
  void aDeleteRemovesTheItemAndReturnsItWhenAsked() {
    // DeleteItem ReturnValues ALL_OLD: "The content of the old item is returned."
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    assertEquals(alice(), one(t.deleteItem(key("user#1"), allOld())));
    assertNull(one(t.getItem(key("user#1"))));
    one(t.putItem(alice()));
    assertNull(one(t.deleteItem(key("user#1"))), "NONE returns nothing");
    assertEquals(List.of(), scanAll(t));
  }

  @Test
  void putAndDeleteRefuseReturnValuesOtherThanNoneAndAllOld() {
    // PutItem and DeleteItem: "The ReturnValues parameter ... does not recognize any values
    // other than NONE or ALL_OLD" (a ValidationException).
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    for (ReturnValues rv : List.of(ReturnValues.UPDATED_OLD, ReturnValues.ALL_NEW,
        ReturnValues.UPDATED_NEW)) {
      WriteOptions o = options().returnValues(rv).build();
      refusedUnchanged(t, t.putItem(alice().with("age", n(31)), o));
      refusedUnchanged(t, t.deleteItem(key("user#1"), o));
    }
  }

  @Test
  void anUpdateReturnsWhatReturnValuesAsksFor() {
    // UpdateItem ReturnValues: NONE nothing; ALL_OLD / ALL_NEW every attribute before / after;
    // UPDATED_OLD / UPDATED_NEW "only the updated attributes", before / after.
    Table t = simpleTable("users");
    Item before = Item.builder().string("pk", "k").number("a", 1).string("b", "x")
        .bool("c", true).build();
    Item after = Item.builder().string("pk", "k").number("a", 2).bool("c", true)
        .string("d", "new").build();
    String update = "SET a = a + :one, d = :d REMOVE b";
    Map<String, AttributeValue> values = Map.of(":one", n(1), ":d", s("new"));
    assertNull(updated(t, before, update, values, ReturnValues.NONE));
    assertEquals(before, updated(t, before, update, values, ReturnValues.ALL_OLD));
    assertEquals(after, updated(t, before, update, values, ReturnValues.ALL_NEW));
    assertEquals(Item.builder().number("a", 1).string("b", "x").build(),
        updated(t, before, update, values, ReturnValues.UPDATED_OLD), "d did not exist before");
    assertEquals(Item.builder().number("a", 2).string("d", "new").build(),
        updated(t, before, update, values, ReturnValues.UPDATED_NEW), "b exists no more");
    assertEquals(after, one(t.getItem(key("k"))));
  }

  @Test
  void anUpdateOfAnAbsentItemCreatesIt() {
    // UpdateItem: "Edits an existing item's attributes, or adds a new item to the table if it
    // does not already exist."
    Table t = compositeTable("users");
    assertNull(one(t.updateItem(key("u", "1"), "SET a = :a",
        options().value(":a", s("x")).returnValues(ReturnValues.ALL_OLD).build())));
    assertEquals(key("u", "1").with("a", s("x")), one(t.getItem(key("u", "1"))));
  }

  @Test
  void anUpdateMayNotChangeOrRemoveAKeyAttribute() {
    // UpdateItem: "Cannot update attribute pk. This attribute is part of the key"
    // (a ValidationException, whatever the item).
    Table t = compositeTable("users");
    one(t.putItem(key("u", "1").with("a", n(1))));
    refusedUnchanged(t, t.updateItem(key("u", "1"), "SET sk = :s",
        options().value(":s", s("2")).build()));
    refusedUnchanged(t, t.updateItem(key("u", "1"), "REMOVE pk", WriteOptions.NONE));
    // found in the expression itself: even the key's own value, even under a false condition
    refusedUnchanged(t, t.updateItem(key("u", "1"), "SET sk = :s",
        options().value(":s", s("1")).build()));
    refusedUnchanged(t, t.updateItem(key("u", "1"), "SET #k = :s", options().name("#k", "sk")
        .value(":s", s("2")).condition("a = :a").value(":a", n(99)).build()));
  }

  @Test
  void getItemReturnsOnlyTheProjectedAttributes() {
    // ProjectionExpression: the attributes to retrieve, top-level or nested ("a.b", "l[1]");
    // "If any of the requested attributes are not found, they do not appear in the result."
    Table t = simpleTable("users");
    one(t.putItem(alice().with("address", AttributeValue.map(Map.of("city", s("Oslo"),
        "zip", s("0150"))))));
    Item projected = one(t.getItem(key("user#1"), GetOptions.builder()
        .projection("#n, address.city, #l[1], absent").name("#n", "name").name("#l", "list")
        .build()));
    assertEquals(Item.builder().string("name", "Alice")
        .map("address", Map.of("city", s("Oslo"))).list("list", List.of(n(2))).build(),
        projected);
  }

  // ------------------------------------------------------------------ conditions

  @Test
  void aConditionalPutWithAttributeNotExistsCreatesOnlyAnAbsentItem() {
    // Condition expressions, "Conditional put": attribute_not_exists on the key lets a PutItem
    // proceed "only if the item in question does not already have the same primary key";
    // otherwise ConditionalCheckFailedException and nothing changes.
    Table t = simpleTable("users");
    WriteOptions ifAbsent = options().condition("attribute_not_exists(pk)").build();
    one(t.putItem(alice(), ifAbsent));
    conditionFails(t, t.putItem(alice().with("age", n(99)), ifAbsent));
    assertEquals(alice(), one(t.getItem(key("user#1"))));
  }

  @Test
  void optimisticLockingWithAVersionNumberLetsOnlyOneOfTwoWritersWin() {
    // Optimistic locking: each writer updates only if the version is still the one it read,
    // and increments it; the loser gets ConditionalCheckFailedException and must read again.
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    String bump = "SET age = :age, version = version + :one";
    WriteOptions.Builder fromVersion1 = options().condition("version = :read")
        .value(":read", n(1)).value(":one", n(1));
    one(t.updateItem(key("user#1"), bump, options().condition("version = :read")
        .values(Map.of(":read", n(1), ":one", n(1), ":age", n(31))).build()));
    conditionFails(t, t.updateItem(key("user#1"), bump,
        fromVersion1.value(":age", n(40)).build()));
    Item now = one(t.getItem(key("user#1")));
    assertEquals(2L, now.getLong("version"));
    assertEquals(31L, now.getLong("age"));
    one(t.updateItem(key("user#1"), bump, options().condition("version = :read")
        .values(Map.of(":read", n(2), ":one", n(1), ":age", n(40))).build()));
    assertEquals(3L, one(t.getItem(key("user#1"))).getLong("version"));
  }

  @Test
  void aFailedConditionCarriesTheOldItemOnlyWhenAsked() {
    // ReturnValuesOnConditionCheckFailure = ALL_OLD: the ConditionalCheckFailedException carries
    // the item as it was; NONE (the default) carries nothing. Put, update and delete alike.
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    WriteOptions.Builder withOld = options().condition("age > :a").value(":a", n(40))
        .returnOldOnConditionFailure(true);
    assertEquals(alice(), conditionFails(t, t.putItem(alice(), withOld.build())).oldItem()
        .orElseThrow());
    assertEquals(alice(), conditionFails(t, t.deleteItem(key("user#1"), withOld.build()))
        .oldItem().orElseThrow());
    assertEquals(alice(), conditionFails(t, t.updateItem(key("user#1"), "SET age = :a",
        withOld.build())).oldItem().orElseThrow());
    WriteOptions without = options().condition("age > :a").value(":a", n(40)).build();
    assertTrue(conditionFails(t, t.deleteItem(key("user#1"), without)).oldItem().isEmpty());
    WriteOptions mustExist = options().condition("attribute_exists(pk)")
        .returnOldOnConditionFailure(true).build();
    assertTrue(conditionFails(t, t.deleteItem(key("nobody"), mustExist)).oldItem().isEmpty(),
        "no item, nothing to carry");
  }

  @Test
  void aConditionOnAnAbsentItemSeesNoAttributes() {
    // A condition is evaluated against the item as it is; an absent item has no attributes,
    // so attribute_exists and comparisons are false and attribute_not_exists is true.
    Table t = simpleTable("users");
    conditionFails(t, t.deleteItem(key("k"), options().condition("attribute_exists(pk)")
        .build()));
    conditionFails(t, t.updateItem(key("k"), "SET a = :v", options().condition("a = :v")
        .value(":v", n(1)).build()));
    one(t.updateItem(key("k"), "SET a = :v", options().condition("attribute_not_exists(a)")
        .value(":v", n(1)).build()));
    assertEquals(key("k").with("a", n(1)), one(t.getItem(key("k"))));
  }

  @Test
  void everyComparatorFunctionAndLogicalOperatorDecidesAsDocumented() {
    // Condition expression syntax: = <> < <= > >=, BETWEEN (inclusive), IN, attribute_exists,
    // attribute_not_exists, attribute_type, begins_with, contains (a substring, or a member of
    // a set or list), size (string length, set/list/map element count), NOT > AND > OR,
    // parentheses; operands of different types compare unequal and unordered.
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    record Case(String condition, Map<String, AttributeValue> values, boolean holds) {}
    List<Case> cases = List.of(
        new Case("age = :v", Map.of(":v", n(30)), true),
        new Case("age <> :v", Map.of(":v", n(31)), true),
        new Case("age < :v", Map.of(":v", n(31)), true),
        new Case("age <= :v", Map.of(":v", n(30)), true),
        new Case("age > :v", Map.of(":v", n(30)), false),
        new Case("age >= :v", Map.of(":v", n(31)), false),
        new Case("age BETWEEN :lo AND :hi", Map.of(":lo", n(30), ":hi", n(40)), true),
        new Case("age BETWEEN :lo AND :hi", Map.of(":lo", n(31), ":hi", n(40)), false),
        new Case("age IN (:a, :b)", Map.of(":a", n(1), ":b", n(30)), true),
        new Case("age IN (:a, :b)", Map.of(":a", n(1), ":b", n(2)), false),
        new Case("age = :v", Map.of(":v", s("30")), false),
        new Case("age < :v", Map.of(":v", s("99")), false),
        new Case("begins_with(#n, :p)", Map.of(":p", s("Al")), true),
        new Case("begins_with(#n, :p)", Map.of(":p", s("li")), false),
        new Case("contains(#n, :p)", Map.of(":p", s("lic")), true),
        new Case("contains(tags, :p)", Map.of(":p", s("a")), true),
        new Case("contains(tags, :p)", Map.of(":p", s("c")), false),
        new Case("contains(#l, :p)", Map.of(":p", n(2)), true),
        new Case("size(#n) = :v", Map.of(":v", n(5)), true),
        new Case("size(tags) = :v", Map.of(":v", n(2)), true),
        new Case("size(#l) > :v", Map.of(":v", n(2)), true),
        new Case("size(m) = :v", Map.of(":v", n(1)), true),
        new Case("size(bin) = :v", Map.of(":v", n(2)), true),
        new Case("attribute_type(age, :t)", Map.of(":t", s("N")), true),
        new Case("attribute_type(nothing, :t)", Map.of(":t", s("NULL")), true),
        new Case("attribute_type(tags, :t)", Map.of(":t", s("SS")), true),
        new Case("attribute_type(tags, :t)", Map.of(":t", s("L")), false),
        new Case("m.x = :v", Map.of(":v", s("y")), true),
        new Case("#l[1] = :v", Map.of(":v", n(2)), true),
        new Case("flag = :v", Map.of(":v", AttributeValue.bool(true)), true),
        new Case("age = :a OR age = :b AND age = :c",
            Map.of(":a", n(30), ":b", n(1), ":c", n(2)), true),
        new Case("(age = :a OR age = :b) AND age = :c",
            Map.of(":a", n(30), ":b", n(1), ":c", n(2)), false),
        new Case("NOT age = :v AND age = :v", Map.of(":v", n(30)), false),
        new Case("NOT (age = :a AND age = :b)", Map.of(":a", n(30), ":b", n(1)), true));
    for (Case c : cases) {
      WriteOptions.Builder o = options().condition(c.condition()).values(c.values());
      if (c.condition().contains("#n")) {
        o.name("#n", "name");
      }
      if (c.condition().contains("#l")) {
        o.name("#l", "list");
      }
      Mono<Item> write = t.putItem(alice(), o.build());
      if (c.holds()) {
        one(write);
      } else {
        conditionFails(t, write);
      }
    }
    assertEquals(List.of(alice()), scanAll(t));
  }

  // ------------------------------------------------------------------ update actions

  @Test
  void setAddsOrReplacesTopLevelAndNestedAttributes() {
    // SET: "If any of these attributes already exist, they are overwritten by the new values";
    // nested map attributes are set by their document path ("SET #pr.#5star[1] = :r5,
    // #pr.#3star = :r3").
    Table t = simpleTable("products");
    one(t.putItem(Item.builder().string("pk", "p").string("category", "Home")
        .map("reviews", Map.of("five", AttributeValue.list(s("good"), s("great")))).build()));
    Item after = one(t.updateItem(key("p"), "SET category = :c, reviews.five[1] = :r5,"
            + " reviews.three = :r3",
        options().value(":c", s("Hardware")).value(":r5", s("best"))
            .value(":r3", AttributeValue.list(s("ok"))).returnValues(ReturnValues.ALL_NEW)
            .build()));
    assertEquals(Item.builder().string("pk", "p").string("category", "Hardware")
        .map("reviews", Map.of("five", AttributeValue.list(s("good"), s("best")),
            "three", AttributeValue.list(s("ok")))).build(), after);
  }

  @Test
  void setPastTheEndOfAListAppendsAndRemoveShiftsTheRest() {
    // "If the element does not already exist, SET will append the new element at the end of
    // the list." REMOVE of list elements: "the remaining elements are shifted".
    Table t = simpleTable("products");
    one(t.putItem(key("p").with("items", AttributeValue.list(s("Chisel"), s("Hammer"),
        s("Nails"), s("Screwdriver"), s("Hacksaw")))));
    one(t.updateItem(key("p"), "REMOVE #i[1], #i[2]", options().name("#i", "items").build()));
    assertEquals(List.of(s("Chisel"), s("Screwdriver"), s("Hacksaw")),
        one(t.getItem(key("p"))).getList("items"));
    one(t.updateItem(key("p"), "SET #i[10] = :v", options().name("#i", "items")
        .value(":v", s("Drill")).build()));
    assertEquals(List.of(s("Chisel"), s("Screwdriver"), s("Hacksaw"), s("Drill")),
        one(t.getItem(key("p"))).getList("items"));
  }

  @Test
  void listAppendJoinsListsInArgumentOrder() {
    // list_append(list1, list2) "appends list2 to list1"; swapping the arguments prepends.
    Table t = simpleTable("products");
    one(t.putItem(key("p").with("ri", AttributeValue.list(s("Hammer"), s("Nails")))));
    one(t.updateItem(key("p"), "SET ri = list_append(ri, :vals)",
        options().value(":vals", AttributeValue.list(s("Screwdriver"), s("Hacksaw"))).build()));
    one(t.updateItem(key("p"), "SET ri = list_append(:vals, ri)",
        options().value(":vals", AttributeValue.list(s("Chisel"))).build()));
    assertEquals(List.of(s("Chisel"), s("Hammer"), s("Nails"), s("Screwdriver"), s("Hacksaw")),
        one(t.getItem(key("p"))).getList("ri"));
  }

  @Test
  void ifNotExistsSetsOnlyAnAbsentAttribute() {
    // if_not_exists(path, value): "If the item does not contain an attribute at the specified
    // path, then if_not_exists evaluates to value; otherwise, it evaluates to path."
    Table t = simpleTable("products");
    WriteOptions price100 = options().value(":p", n(100)).build();
    one(t.updateItem(key("p"), "SET price = if_not_exists(price, :p)", price100));
    assertEquals(100L, one(t.getItem(key("p"))).getLong("price"));
    one(t.updateItem(key("p"), "SET price = if_not_exists(price, :p)",
        options().value(":p", n(5)).build()));
    assertEquals(100L, one(t.getItem(key("p"))).getLong("price"));
  }

  @Test
  void countersCountWithSetArithmeticAndWithAdd() {
    // SET with + and - adds to or subtracts from a number; ADD on an absent number attribute
    // sets it to the value, on a present one adds it ("If the value is a negative number, then
    // it is subtracted"); if_not_exists starts a counter in SET.
    Table t = simpleTable("counters");
    for (int i = 0; i < 3; i++) {
      one(t.updateItem(key("c"), "SET hits = if_not_exists(hits, :zero) + :one ADD visits :one",
          options().value(":zero", n(0)).value(":one", n(1)).build()));
    }
    one(t.updateItem(key("c"), "ADD visits :minus SET hits = hits - :two",
        options().value(":minus", n(-5)).value(":two", n(2)).build()));
    Item c = one(t.getItem(key("c")));
    assertEquals(1L, c.getLong("hits"));
    assertEquals(-2L, c.getLong("visits"));
    one(t.updateItem(key("c"), "ADD visits :f", options().value(":f", n("0.25")).build()));
    assertEquals(0, new BigDecimal("-1.75").compareTo(one(t.getItem(key("c")))
        .getNumber("visits")));
  }

  @Test
  void addUnitesSetsAndDeleteTakesMembersAwayRemovingAnEmptiedSet() {
    // ADD on a set "appends" the value's members (a set has no duplicates); DELETE "removes one
    // or more elements from a set". Sets cannot be empty: taking every member away leaves no
    // attribute.
    Table t = simpleTable("products");
    one(t.updateItem(key("p"), "ADD color :c",
        options().value(":c", AttributeValue.stringSet("Orange", "Purple")).build()));
    one(t.updateItem(key("p"), "ADD color :c",
        options().value(":c", AttributeValue.stringSet("Yellow", "Orange")).build()));
    assertEquals(List.of("Orange", "Purple", "Yellow"),
        one(t.getItem(key("p"))).getStringSet("color"));
    one(t.updateItem(key("p"), "DELETE color :c",
        options().value(":c", AttributeValue.stringSet("Yellow", "Purple", "Absent")).build()));
    assertEquals(List.of("Orange"), one(t.getItem(key("p"))).getStringSet("color"));
    one(t.updateItem(key("p"), "ADD sizes :s",
        options().value(":s", AttributeValue.numberSet(1, 2)).build()));
    one(t.updateItem(key("p"), "DELETE color :c",
        options().value(":c", AttributeValue.stringSet("Orange")).build()));
    assertEquals(Item.builder().string("pk", "p").numberSet("sizes", 1, 2).build(),
        one(t.getItem(key("p"))));
  }

  @Test
  void removeOfAnAbsentAttributeChangesNothing() {
    // REMOVE: "If the attributes do not exist, nothing happens."
    Table t = simpleTable("products");
    one(t.putItem(key("p").with("brand", s("Acme"))));
    one(t.updateItem(key("p"), "REMOVE brand, inStock, quantity", WriteOptions.NONE));
    assertEquals(key("p"), one(t.getItem(key("p"))));
  }

  @Test
  void anUpdateThatCannotApplyIsRefusedAndChangesNothing() {
    // ValidationExceptions of UpdateItem: "The provided expression refers to an attribute that
    // does not exist in the item"; "Incorrect operand type for operator or function" (ADD onto
    // a string, arithmetic on a string, list_append of a non-list); "Two document paths
    // overlap with each other"; "The document path provided in the update expression is
    // invalid for update" (a path through an absent map); each action keyword at most once.
    Table t = simpleTable("products");
    one(t.putItem(key("p").with("name", s("Saw")).with("price", n(5))));
    refusedUnchanged(t, t.updateItem(key("p"), "SET price = stock + :one",
        options().value(":one", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "ADD #n :one",
        options().name("#n", "name").value(":one", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "SET price = #n + :one",
        options().name("#n", "name").value(":one", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "SET price = list_append(price, :l)",
        options().value(":l", AttributeValue.list(n(1))).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "SET price = :v REMOVE price",
        options().value(":v", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "SET a.b.c = :v",
        options().value(":v", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "SET price = :v SET stock = :v",
        options().value(":v", n(1)).build()));
    refusedUnchanged(t, t.updateItem(key("p"), "DELETE price :v",
        options().value(":v", n(1)).build()));
  }

  // ------------------------------------------------------------------ numbers and sets

  @Test
  void numbersAreEqualWhateverTheirNotation() {
    // Number: "Leading and trailing zeroes are trimmed": 1.0, 1.00 and 1 are one number, as an
    // attribute, as a key (one item) and in a condition.
    Table t = create(TableSchema.builder("numbers").partitionKey("id", AttributeType.N).build());
    one(t.putItem(Item.builder().number("id", "1.50").number("v", "1.0").build()));
    one(t.putItem(Item.builder().number("id", "001.5").number("v", "0100.00").build()));
    List<Item> items = scanAll(t);
    assertEquals(1, items.size(), "1.50 and 001.5 are the same key");
    assertEquals(Item.builder().number("id", "1.5").number("v", 100).build(), items.get(0));
    assertEquals("100", ((AttributeValue.NumberValue) items.get(0).get("v")).text());
    one(t.putItem(items.get(0), options().condition("v = :v").value(":v", n("1E+2")).build()));
    assertEquals(n("1.0"), n(1));
  }

  @Test
  void numbersKeep38DigitsAndTheirRangeAndRefuseMore() {
    // Number: "Numbers can have up to 38 digits of precision. Exceeding this results in an
    // exception." Positive range 1E-130 to 9.9999999999999999999999999999999999999E+125,
    // negative likewise; an update whose result leaves them is a ValidationException.
    Table t = simpleTable("numbers");
    String digits38 = "12345678901234567890.123456789012345678";
    String largest = "9.9999999999999999999999999999999999999E+125";
    Item item = key("k").with("a", n(digits38)).with("b", n(largest)).with("c", n("1E-130"))
        .with("d", n("-" + largest)).with("e", n("-1E-130"));
    one(t.putItem(item));
    Item back = one(t.getItem(key("k")));
    assertEquals(item, back);
    assertEquals(digits38, ((AttributeValue.NumberValue) back.get("a")).text());
    for (String bad : List.of("123456789012345678901234567890123456789", "1E+126", "1E-131",
        "-1E+126", "not a number", "")) {
      assertThrows(InvalidArgumentException.class, () -> AttributeValue.number(bad), bad);
    }
    refusedUnchanged(t, t.updateItem(key("k"), "SET b = b + :v",
        options().value(":v", n(largest)).build()));
    refusedUnchanged(t, t.updateItem(key("k"), "SET a = a + :v",
        options().value(":v", n("0.0000000000000000001")).build()));
    refusedUnchanged(t, t.updateItem(key("k"), "ADD c :v",
        options().value(":v", n("1E+100")).build()));
  }

  @Test
  void setsHoldDistinctMembersInNoParticularOrderAndAreNeverEmpty() {
    // Sets: "Each value within a set must be unique. The order of the values within a set is
    // not preserved"; "Empty Sets are not supported."
    Table t = simpleTable("sets");
    one(t.putItem(key("k").with("ss", AttributeValue.stringSet("c", "a", "b"))
        .with("ns", AttributeValue.numberSet(List.of("10", "2", "-1.5")))));
    Item back = one(t.getItem(key("k")));
    assertEquals(AttributeValue.stringSet("a", "b", "c"), back.get("ss"));
    assertEquals(AttributeValue.numberSet(List.of("-1.5", "2", "10")), back.get("ns"));
    assertThrows(InvalidArgumentException.class, () -> AttributeValue.stringSet());
    assertThrows(InvalidArgumentException.class, () -> AttributeValue.stringSet("a", "a"));
    assertThrows(InvalidArgumentException.class,
        () -> AttributeValue.numberSet(List.of("1", "1.0")), "1 and 1.0 are one number");
    assertThrows(InvalidArgumentException.class,
        () -> AttributeValue.binarySet(List.of(Bytes.fromHex("01"), Bytes.fromHex("01"))));
    assertThrows(InvalidArgumentException.class, () -> AttributeValue.numberSet(List.of()));
  }

  // ------------------------------------------------------------------ misuse

  @Test
  void keysMissingMistypedEmptyOrWithOtherAttributesAreRefused() {
    // The key attributes are required, of the schema's types, and non-empty for S and B; a key
    // argument holds exactly the key attributes ("The provided key element does not match the
    // schema"): all ValidationExceptions.
    Table t = compositeTable("users");
    one(t.putItem(key("u", "1")));
    refusedUnchanged(t, t.putItem(Item.builder().string("pk", "u").build()));
    refusedUnchanged(t, t.putItem(Item.builder().number("pk", 1).string("sk", "1").build()));
    refusedUnchanged(t, t.putItem(key("", "1")));
    refusedUnchanged(t, t.putItem(key("u", "")));
    refusedUnchanged(t, t.deleteItem(key("u", "1").with("extra", n(1))));
    refusedUnchanged(t, t.updateItem(Item.builder().string("pk", "u").build(), "SET a = :v",
        options().value(":v", n(1)).build()));
    invalid(t.getItem(key("u", "1").with("extra", n(1))));
    invalid(t.getItem(Item.builder().string("sk", "1").build()));
  }

  @Test
  void attributeNamesOutsideDynamoDbsRulesAreRefused() {
    // Naming rules: "Attribute names must be at least one character long and less than 64 KB
    // in size", in UTF-8; strings are Unicode (no lone surrogates).
    Table t = simpleTable("names");
    assertThrows(InvalidArgumentException.class, () -> Item.builder().string("", "x"));
    assertThrows(InvalidArgumentException.class, () -> Item.builder().string("a\uD800", "x"));
    String longest = "é".repeat(32 * 1024 - 1) + "a";
    one(t.putItem(key("k").with(longest, n(1))));
    assertEquals(n(1), one(t.getItem(key("k"))).get(longest));
    refusedUnchanged(t, t.putItem(key("k").with("é".repeat(32 * 1024), n(2))));
    refusedUnchanged(t, t.updateItem(key("k"), "SET #a = :v", options()
        .name("#a", "x".repeat(64 * 1024)).value(":v", n(2)).build()));
  }

  @Test
  void keyValuesLongerThanDynamoDbAllowsAreRefused() {
    // Limits: a partition key value is at most 2048 bytes, a sort key value at most 1024.
    Table t = compositeTable("users");
    one(t.putItem(key("p".repeat(2048), "s".repeat(1024))));
    refusedUnchanged(t, t.putItem(key("p".repeat(2049), "s")));
    refusedUnchanged(t, t.putItem(key("p", "s".repeat(1025))));
    refusedUnchanged(t, t.putItem(key("é".repeat(1025), "s")));
  }

  @Test
  void anItemOver400KbIsRefusedAndOneOfExactly400KbIsKept() {
    // "The maximum item size in DynamoDB is 400 KB, which includes both attribute name binary
    // length (UTF-8 length) and attribute value lengths (again binary length)." Here: "pk" 2 +
    // "k" 1 + "v" 1 + the value.
    Table t = simpleTable("big");
    Item exactly = key("k").with("v", s("x".repeat(MAX_ITEM_BYTES - 4)));
    one(t.putItem(exactly));
    assertEquals(exactly, one(t.getItem(key("k"))));
    refusedUnchanged(t, t.putItem(key("k").with("v", s("x".repeat(MAX_ITEM_BYTES - 3)))));
    refusedUnchanged(t, t.updateItem(key("k"), "SET w = :w",
        options().value(":w", s("")).build()));
    refusedUnchanged(t, t.putItem(key("k2").with("v", AttributeValue.binary(
        new byte[MAX_ITEM_BYTES]))));
  }

  @Test
  void anExpressionSyntaxErrorNamesItsPositionAndToken() {
    // DynamoDB: "Invalid ConditionExpression: Syntax error; token: ..., near: ..." (a
    // ValidationException naming where the expression went wrong).
    Table t = simpleTable("users");
    ExpressionException condition = refused(t.putItem(key("k"), options()
            .condition("age = = :v").value(":v", n(1)).build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    assertEquals(6, condition.position());
    assertEquals("=", condition.token());
    ExpressionException update = refused(t.updateItem(key("k"), "SET a = :v,",
            options().value(":v", n(1)).build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    assertEquals(11, update.position());
    assertEquals("", update.token(), "the end of the input");
    ExpressionException projection = refused(t.getItem(key("k"),
        GetOptions.projection("a,, b")), ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    assertEquals(2, projection.position());
    assertEquals(List.of(), scanAll(t));
  }

  @Test
  void undefinedOrUnusedPlaceholdersAreRefused() {
    // "An expression attribute name used in the document path is not defined"; "Value provided
    // in ExpressionAttributeValues unused in expressions" (and likewise for names): each a
    // ValidationException.
    Table t = simpleTable("users");
    refused(t.putItem(key("k"), options().condition("attribute_not_exists(#p)").build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refused(t.putItem(key("k"), options().condition("a = :missing").build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refused(t.putItem(key("k"), options().condition("attribute_not_exists(pk)")
        .value(":unused", n(1)).build()), ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refused(t.updateItem(key("k"), "SET a = :v", options().value(":v", n(1))
        .name("#unused", "b").build()), ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refused(t.getItem(key("k"), GetOptions.builder().projection("a").name("#b", "b").build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    assertEquals(List.of(), scanAll(t));
  }

  @Test
  void expressionsBreakingDynamoDbsLimitsAndRulesAreRefused() {
    // Expression rules, each a ValidationException: document paths of one expression may not
    // overlap ("Two document paths overlap with each other"), IN takes at most 100 values,
    // attribute_type takes one of the type names, an expression is at most 4 KB.
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    refused(t.getItem(key("user#1"), GetOptions.projection("m, m.x")),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refusedUnchanged(t, t.updateItem(key("user#1"), "SET age = :a, age = :b",
        options().value(":a", n(1)).value(":b", n(2)).build()));
    refusedUnchanged(t, t.updateItem(key("user#1"), "SET m.x = :a REMOVE m",
        options().value(":a", n(1)).build()));
    WriteOptions.Builder in = options();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      values.append(i == 0 ? "" : ", ").append(":v").append(i);
      in.value(":v" + i, n(i));
    }
    refusedUnchanged(t, t.putItem(alice(), in.condition("age IN (" + values + ")").build()));
    refusedUnchanged(t, t.putItem(alice(), options().condition("attribute_type(age, :t)")
        .value(":t", s("NUMBER")).build()));
    refusedUnchanged(t, t.putItem(alice(), options()
        .condition("attribute_exists(pk)" + " OR attribute_exists(pk)".repeat(200)).build()));
  }

  @Test
  void aReservedWordNeedsANamePlaceholder() {
    // Reserved words (STATUS, NAME, ...) cannot be used as attribute names in an expression:
    // "Attribute name is a reserved keyword"; an expression attribute name (#s) stands in.
    Table t = simpleTable("users");
    refused(t.updateItem(key("k"), "SET status = :s", options().value(":s", s("on")).build()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    one(t.updateItem(key("k"), "SET #s = :s", options().name("#s", "status")
        .value(":s", s("on")).build()));
    assertEquals("on", one(t.getItem(key("k"))).getString("status"));
  }

  @Test
  void nothingOfAFailedWriteIsVisible() {
    // Every failed write leaves the table as it was: a failed condition, an invalid update,
    // a refused item.
    Table t = simpleTable("users");
    one(t.putItem(alice()));
    conditionFails(t, t.updateItem(key("user#1"), "SET age = :a", options()
        .condition("age = :b").value(":a", n(1)).value(":b", n(2)).build()));
    refusedUnchanged(t, t.updateItem(key("user#1"), "SET age = age + :a, #n = :n",
        options().name("#n", "name").value(":a", s("x")).value(":n", s("Bob")).build()));
    assertFalse(one(t.getItem(key("user#1"))).getString("name").equals("Bob"));
    assertEquals(List.of(alice()), scanAll(t));
  }
}
