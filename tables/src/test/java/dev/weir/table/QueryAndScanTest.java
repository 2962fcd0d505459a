package dev.weir.table;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class QueryAndScanTest {

  private final TablesFixture f = new TablesFixture();
  private final Table orders = f.create(TableSchema.builder("orders")
      .partitionKey("customer", AttributeType.S)
      .sortKey("n", AttributeType.N)
      .localIndex("by-day", KeyAttribute.string("day"), Projection.include("amount"))
      .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status"),
          KeyAttribute.number("amount")), Projection.keysOnly())
      .build());

  QueryAndScanTest() {
    // customers c0..c2, orders n = -5..14 (negative and fractional sort keys sort numerically)
    for (int c = 0; c < 3; c++) {
      for (int n = -5; n < 15; n++) {
        Item.Builder b = Item.builder().string("customer", "c" + c)
            .number("n", n).number("amount", n * 10 + c)
            .string("day", "2026-12-" + (n % 2 == 0 ? "01" : "02"));
        if (n % 3 == 0) {
          b.string("status", "open"); // sparse: only these are in by-status
        }
        orders.putItem(b.build()).block();
      }
    }
    orders.putItem(Item.builder().string("customer", "c0").number("n", "2.5")
        .number("amount", 1).build()).block();
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static Query.Builder customer(String c) {
    return Query.builder().value(":c", string(c));
  }

  private List<String> ns(List<Item> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.getNumber("n").toPlainString()));
    return out;
  }

  @Test
  void aQueryReturnsOnePartitionInSortKeyOrderForwardAndBackward() {
    List<Item> all = orders.query(customer("c1").keyCondition("customer = :c").build())
        .collectList().block();
    assertEquals(20, all.size());
    assertEquals("-5", all.get(0).getNumber("n").toPlainString());
    assertEquals("14", all.get(19).getNumber("n").toPlainString());
    List<Item> back = orders.query(customer("c1").keyCondition("customer = :c").backward()
        .build()).collectList().block();
    assertEquals("14", back.get(0).getNumber("n").toPlainString());
    assertEquals(List.of("2", "2.5", "3"), ns(orders.query(customer("c0")
        .keyCondition("customer = :c AND n BETWEEN :lo AND :hi")
        .value(":lo", number(2)).value(":hi", number(3)).build()).collectList().block()));
  }

  @Test
  void everySortKeyOperatorSelectsWhatDynamoDbDoes() {
    record Case(String condition, List<String> expected) {}
    List<Case> cases = List.of(
        new Case("n = :v", List.of("2")),
        new Case("n < :v", List.of("-5", "-4", "-3", "-2", "-1", "0", "1")),
        new Case("n <= :v", List.of("-5", "-4", "-3", "-2", "-1", "0", "1", "2")),
        new Case("n > :v", List.of("3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
            "14")),
        new Case(":v <= n", List.of("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            "13", "14")));
    for (Case c : cases) {
      assertEquals(c.expected(), ns(orders.query(customer("c1")
          .keyCondition("customer = :c AND " + c.condition()).value(":v", number(2)).build())
          .collectList().block()), c.condition());
    }
  }

  @Test
  void beginsWithSelectsTheSortKeysWithThatPrefix() {
    Table t = f.create(TableSchema.builder("events").partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.S).build());
    for (String sk : List.of("2026-11-30", "2026-12-01#a", "2026-12-01", "2026-12-02", "2027",
        "2026-12\u0000x", "2026-1")) {
      t.putItem(TablesFixture.key("p", sk)).block();
    }
    List<String> found = new ArrayList<>();
    t.query(Query.builder().keyCondition("pk = :p AND begins_with(sk, :d)")
            .value(":p", string("p")).value(":d", string("2026-12")).build())
        .doOnNext(i -> found.add(i.getString("sk"))).blockLast();
    assertEquals(List.of("2026-12\u0000x", "2026-12-01", "2026-12-01#a", "2026-12-02"), found);
  }

  @Test
  void aFilterDropsItemsAfterTheLimitCountedThem() {
    Page page = orders.queryPage(customer("c1").keyCondition("customer = :c")
        .filter("amount > :a").value(":a", number(20)).limit(10).build()).block();
    assertEquals(10, page.scannedCount()); // n = -5..4, amounts -49..41
    assertEquals(List.of("2", "3", "4"), ns(page.items()));
    assertTrue(page.hasMore());
  }

  @Test
  void pagesResumeAfterTheirLastEvaluatedKeyUntilTheLastHasNone() {
    Query query = customer("c2").keyCondition("customer = :c").limit(6).build();
    List<Item> all = new ArrayList<>();
    Page page = orders.queryPage(query).block();
    int pages = 1;
    while (page.hasMore()) {
      all.addAll(page.items());
      page = orders.queryPage(query.startingAfter(page.lastEvaluatedKey())).block();
      pages++;
    }
    all.addAll(page.items());
    assertEquals(4, pages);
    assertEquals(orders.query(customer("c2").keyCondition("customer = :c").build())
        .collectList().block(), all);
    assertNull(page.lastEvaluatedKey());
  }

  @Test
  void backwardPagesResumeToo() {
    Query query = customer("c2").keyCondition("customer = :c").backward().limit(7).build();
    Page first = orders.queryPage(query).block();
    Page second = orders.queryPage(query.startingAfter(first.lastEvaluatedKey())).block();
    assertEquals("8", first.items().get(6).getNumber("n").toPlainString());
    assertEquals("7", second.items().get(0).getNumber("n").toPlainString());
  }

  @Test
  void aQueryOnALocalIndexReturnsItsProjectionInIndexOrder() {
    List<Item> day1 = orders.query(Query.builder().index("by-day")
        .keyCondition("customer = :c AND #d = :d").name("#d", "day")
        .value(":c", string("c0")).value(":d", string("2026-12-01")).build())
        .collectList().block();
    assertEquals(10, day1.size());
    assertEquals(Set.of("customer", "n", "day", "amount"), day1.get(0).names());
  }

  @Test
  void aLocalIndexQueryAskingForAttributesItDoesNotProjectFetchesThemFromTheTable() {
    List<Item> day1 = orders.query(Query.builder().index("by-day")
        .keyCondition("customer = :c AND #d = :d").name("#d", "day")
        .value(":c", string("c0")).value(":d", string("2026-12-01"))
        .projection("n, #st, amount").name("#st", "status").build())
        .collectList().block();
    assertEquals(10, day1.size());
    Item zero = day1.stream().filter(i -> i.getNumber("n").intValue() == 0).findFirst()
        .orElseThrow();
    assertEquals(Item.builder().number("n", 0).string("status", "open").number("amount", 0)
        .build(), zero);
  }

  @Test
  void aSparseGlobalIndexHoldsOnlyItemsWithItsKeysAndFollowsUpdates() {
    Query open = Query.builder().index("by-status").keyCondition("#s = :s")
        .name("#s", "status").value(":s", string("open")).build();
    List<Item> before = orders.query(open).collectList().block();
    assertEquals(18, before.size()); // n in {-3, 0, 3, 6, 9, 12}, for 3 customers
    assertEquals(Set.of("customer", "n", "status", "amount"), before.get(0).names());
    for (int i = 1; i < before.size(); i++) {
      assertTrue(before.get(i - 1).getNumber("amount")
          .compareTo(before.get(i).getNumber("amount")) <= 0, "sorted by amount");
    }
    orders.updateItem(Item.builder().string("customer", "c0").number("n", 0).build(),
        "REMOVE #s", WriteOptions.builder().name("#s", "status").build()).block();
    orders.updateItem(Item.builder().string("customer", "c0").number("n", 1).build(),
        "SET #s = :s", WriteOptions.builder().name("#s", "status")
            .value(":s", string("open")).build()).block();
    orders.deleteItem(Item.builder().string("customer", "c1").number("n", 3).build()).block();
    List<Item> after = orders.query(open).collectList().block();
    assertEquals(before.size() - 1, after.size());
    assertFalse(after.stream().anyMatch(i -> i.getString("customer").equals("c0")
        && i.getNumber("n").intValue() == 0));
    assertTrue(after.stream().anyMatch(i -> i.getString("customer").equals("c0")
        && i.getNumber("n").intValue() == 1));
  }

  @Test
  void aQueryWhoseKeyConditionDoesNotNameThePartitionKeyIsRefused() {
    StepVerifier.create(orders.query(Query.builder().keyCondition("n = :v")
            .value(":v", number(1)).build()))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(orders.query(Query.builder().index("nope").keyCondition("x = :v")
            .value(":v", number(1)).build()))
        .expectError(TableNotFoundException.class).verify();
    StepVerifier.create(orders.query(Query.builder().keyCondition("customer = :v")
            .value(":v", number(1)).build()))
        .expectError(ExpressionException.class).verify();
  }

  @Test
  void aQueryFilterNamingAKeyAttributeOfTheTableOrIndexReadIsRefused() {
    // DynamoDB: "A filter expression cannot contain partition key or sort key attributes"
    StepVerifier.create(orders.query(customer("c0").keyCondition("customer = :c")
            .filter("n > :v").value(":v", number(1)).build()))
        .expectErrorMatches(e -> e instanceof ExpressionException
            && e.getMessage().contains("n")).verify();
    StepVerifier.create(orders.query(customer("c0").keyCondition("customer = :c")
            .filter("#c = :c").name("#c", "customer").build()))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(orders.query(Query.builder().index("by-status")
            .keyCondition("#s = :s").filter("amount > :a").name("#s", "status")
            .value(":s", string("open")).value(":a", number(1)).build()))
        .expectError(ExpressionException.class).verify();
    // a key attribute of another index, or of the table when reading an index, may be filtered
    assertEquals(6, orders.query(Query.builder().index("by-status").keyCondition("#s = :s")
            .filter("customer = :c").name("#s", "status").value(":s", string("open"))
            .value(":c", string("c1")).build()).count().block());
    assertEquals(10, orders.query(customer("c0").keyCondition("customer = :c")
            .filter("#d = :d AND amount >= :a").name("#d", "day")
            .value(":d", string("2026-12-01")).value(":a", number(-100)).build())
        .count().block());
  }

  @Test
  void parallelScanSegmentsAreDisjointAndCoverTheTable() {
    List<Item> all = orders.scan(Scan.all()).collectList().block();
    assertEquals(61, all.size());
    Set<Item> union = new HashSet<>();
    int total = 0;
    for (int s = 0; s < 4; s++) {
      List<Item> segment = orders.scan(Scan.builder().segment(s, 4).build()).collectList()
          .block();
      assertFalse(segment.isEmpty(), "61 items hash into every one of 4 segments");
      total += segment.size();
      union.addAll(segment);
    }
    assertEquals(61, total);
    assertEquals(new HashSet<>(all), union);
  }

  @Test
  void aScanHonoursDemand() {
    StepVerifier.create(orders.scan(Scan.all()), 0)
        .thenRequest(2).expectNextCount(2)
        .thenRequest(100).expectNextCount(59)
        .verifyComplete();
  }

  @Test
  void aScanPageStopsAtItsLimitAndResumes() {
    Page first = orders.scanPage(Scan.builder().limit(60).projection("customer").build())
        .block();
    assertEquals(60, first.count());
    assertEquals(Set.of("customer"), first.items().get(0).names());
    Page rest = orders.scanPage(Scan.builder().limit(60).projection("customer").build()
        .startingAfter(first.lastEvaluatedKey())).block();
    assertEquals(1, rest.count());
    assertFalse(rest.hasMore());
  }
}
