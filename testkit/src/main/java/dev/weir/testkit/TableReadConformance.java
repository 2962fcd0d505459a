package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.ErrorCode;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.table.AttributeType;
import dev.weir.table.CancellationReason;
import dev.weir.table.ExpressionException;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeyRef;
import dev.weir.table.KeySchema;
import dev.weir.table.Page;
import dev.weir.table.Projection;
import dev.weir.table.Query;
import dev.weir.table.ReadSpec;
import dev.weir.table.Scan;
import dev.weir.table.Table;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TableSchema;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.WriteRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Reading many items and writing several at once: query with every key condition, order,
 * limit, paging, filter and projection; local and global secondary indexes, sparse, with each
 * projection; parallel scan; batch writes and gets; transactions. Expected results are computed
 * from the items the test wrote, never read back from the table under test.
 */
public abstract class TableReadConformance extends TableItemConformance {

  private static final int CUSTOMERS = 3;

  /** The orders table's schema: customer / n, a local and two global indexes, sparse ones. */
  private static TableSchema ordersSchema() {
    return TableSchema.builder("orders")
        .partitionKey("customer", AttributeType.S)
        .sortKey("n", AttributeType.N)
        .localIndex("by-day", KeyAttribute.string("day"), Projection.include("amount"))
        .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status"),
            KeyAttribute.number("amount")), Projection.keysOnly())
        .globalIndex("by-region", KeySchema.of(KeyAttribute.string("region")), Projection.all())
        .build();
  }

  /** The orders written, by key, as a model of the table. */
  private final Map<Item, Item> orders = new LinkedHashMap<>();

  /**
   * Customers c0..c2 with orders n = -5..14 (negative and fractional sort keys sort
   * numerically), amounts all distinct; only every third order has a status and only orders
   * with n >= 0 a region, so both global indexes are sparse.
   */
  private Table orders() {
    Table t = create(ordersSchema());
    List<WriteRequest> puts = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      for (int n = -5; n < 15; n++) {
        Item.Builder b = Item.builder().string("customer", "c" + c).number("n", n)
            .number("amount", n * 10L + c).string("day", "2026-12-0" + (n % 2 == 0 ? 1 : 2));
        if (n % 3 == 0) {
          b.string("status", "open");
        }
        if (n >= 0) {
          b.string("region", "r" + (n % 4));
        }
        puts.add(WriteRequest.put("orders", b.build()));
      }
    }
    puts.add(WriteRequest.put("orders", Item.builder().string("customer", "c0")
        .number("n", "2.5").number("amount", 1000).string("status", "open").build()));
    for (int from = 0; from < puts.size(); from += 25) {
      one(t.batchWrite(puts.subList(from, Math.min(puts.size(), from + 25))));
    }
    puts.forEach(p -> orders.put(orderKey(p.item()), p.item()));
    return t;
  }

  private static Item orderKey(Item item) {
    return Item.builder().attribute("customer", item.get("customer"))
        .attribute("n", item.get("n")).build();
  }

  private static final Comparator<Item> BY_N = Comparator.comparing(i -> i.getNumber("n"));

  /** The model's orders of customer {@code c} meeting {@code test}, by n. */
  private List<Item> modelOrders(String c, Predicate<Item> test) {
    return orders.values().stream()
        .filter(i -> i.getString("customer").equals(c) && test.test(i))
        .sorted(BY_N).toList();
  }

  private static Item only(Item item, Set<String> names) {
    Item.Builder b = Item.builder();
    item.attributes().forEach((name, value) -> {
      if (names.contains(name)) {
        b.attribute(name, value);
      }
    });
    return b.build();
  }

  private static Set<Item> contentsOf(reactor.core.publisher.Flux<Item> items) {
    return new HashSet<>(all(items));
  }

  private static Query.Builder customer(String c) {
    return Query.builder().keyCondition("customer = :c").value(":c", s(c));
  }

  private static List<String> ns(List<Item> items) {
    return items.stream().map(i -> i.getNumber("n").toPlainString()).toList();
  }

  /** Every item of {@code first} and of the pages after it, checking each page on the way. */
  private static List<Item> allPages(Function<Item, Page> pageAfter, int limit,
      Set<String> keyNames) {
    List<Item> items = new ArrayList<>();
    Page page = pageAfter.apply(null);
    for (int pages = 1; ; pages++) {
      assertTrue(page.scannedCount() <= limit, "a page evaluates at most its limit");
      assertTrue(page.count() <= page.scannedCount(), "count is at most scannedCount");
      items.addAll(page.items());
      if (!page.hasMore()) {
        return items;
      }
      assertEquals(keyNames, page.lastEvaluatedKey().names(), "lastEvaluatedKey's attributes");
      assertTrue(pages < 1000, "paging never ends");
      page = pageAfter.apply(page.lastEvaluatedKey());
    }
  }

  // ------------------------------------------------------------------ query

  @Test
  void aQueryReturnsOnePartitionInSortKeyOrderForwardAndBackward() {
    // Query: "Query results are always sorted by the sort key value. If the data type of the
    // sort key is Number, the results are returned in numeric order; otherwise, the results are
    // returned in order of UTF-8 bytes. By default, the sort order is ascending. To reverse the
    // order, set the ScanIndexForward parameter to false."
    Table t = orders();
    List<Item> expected = modelOrders("c0", i -> true);
    assertEquals(expected, all(t.query(customer("c0").build())));
    List<Item> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, all(t.query(customer("c0").backward().build())));

    Table strings = compositeTable("strings");
    for (String sk : List.of("\uD83D\uDE00", "\uFF21", "é", "a", "Z")) {
      one(strings.putItem(key("p", sk)));
    }
    assertEquals(List.of("Z", "a", "é", "\uFF21", "\uD83D\uDE00"),
        all(strings.query(Query.builder().keyCondition("pk = :p").value(":p", s("p")).build()))
            .stream().map(i -> i.getString("sk")).toList(),
        "UTF-8 byte order, not UTF-16 order");

    Table binary = create(TableSchema.builder("binary").partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.B).build());
    for (String hex : List.of("ff", "80", "00", "7f", "0000")) {
      one(binary.putItem(Item.builder().string("pk", "p")
          .binary("sk", dev.weir.engine.Bytes.fromHex(hex)).build()));
    }
    assertEquals(List.of("00", "0000", "7f", "80", "ff"),
        all(binary.query(Query.builder().keyCondition("pk = :p").value(":p", s("p")).build()))
            .stream().map(i -> i.getBinary("sk").toHex()).toList(), "unsigned byte order");
  }

  @Test
  void eachSortKeyConditionSelectsAsDocumented() {
    // KeyConditionExpression: the partition key with =, and at most one condition on the sort
    // key: = < <= > >=, "BETWEEN :a AND :b" ("greater than or equal to a, and less than or
    // equal to b"), "begins_with (sortKeyName, :sortkeyval)".
    Table t = orders();
    BigDecimal two = BigDecimal.valueOf(2);
    record Case(String condition, Predicate<BigDecimal> selects) {}
    List<Case> cases = List.of(
        new Case("n = :v", n -> n.compareTo(two) == 0),
        new Case("n < :v", n -> n.compareTo(two) < 0),
        new Case("n <= :v", n -> n.compareTo(two) <= 0),
        new Case("n > :v", n -> n.compareTo(two) > 0),
        new Case("n >= :v", n -> n.compareTo(two) >= 0),
        new Case(":v <= n", n -> n.compareTo(two) >= 0),
        new Case("n BETWEEN :v AND :w", n -> n.compareTo(two) >= 0
            && n.compareTo(BigDecimal.valueOf(3)) <= 0));
    for (Case c : cases) {
      Query.Builder q = Query.builder().keyCondition("customer = :c AND " + c.condition())
          .value(":c", s("c0")).value(":v", n(2));
      if (c.condition().contains(":w")) {
        q.value(":w", n(3));
      }
      assertEquals(ns(modelOrders("c0", i -> c.selects().test(i.getNumber("n")))),
          ns(all(t.query(q.build()))), c.condition());
    }
    Table events = compositeTable("events");
    List<String> sks = List.of("2026-11-30", "2026-12-01#a", "2026-12-01", "2026-12-02", "2027",
        "2026-12", "2026-1");
    for (String sk : sks) {
      one(events.putItem(key("p", sk)));
    }
    assertEquals(sks.stream().filter(sk -> sk.startsWith("2026-12")).sorted().toList(),
        all(events.query(Query.builder().keyCondition("pk = :p AND begins_with(sk, :d)")
            .value(":p", s("p")).value(":d", s("2026-12")).build()))
            .stream().map(i -> i.getString("sk")).toList());
  }

  @Test
  void aKeyConditionMustTestThePartitionKeyForEqualityAndAtMostTheSortKeyBesides() {
    // "You must specify the partition key name and value as an equality condition"; the
    // sort key condition is optional and single; no other attribute, no OR; a value of the key's
    // own type; begins_with is for strings and binaries; "The BETWEEN operator requires upper
    // bound to be greater than or equal to lower bound". Each a ValidationException.
    Table t = orders();
    List<Query> bad = List.of(
        Query.builder().keyCondition("n = :v").value(":v", n(1)).build(),
        Query.builder().keyCondition("customer < :c").value(":c", s("c1")).build(),
        customer("c0").keyCondition("customer = :c OR n = :v").value(":v", n(1)).build(),
        customer("c0").keyCondition("customer = :c AND amount = :v").value(":v", n(1)).build(),
        customer("c0").keyCondition("customer = :c AND n > :v AND n < :w").value(":v", n(1))
            .value(":w", n(5)).build(),
        Query.builder().keyCondition("customer = :c").value(":c", n(1)).build(),
        customer("c0").keyCondition("customer = :c AND n = :v").value(":v", s("1")).build(),
        customer("c0").keyCondition("customer = :c AND begins_with(n, :v)").value(":v", n(1))
            .build(),
        customer("c0").keyCondition("customer = :c AND n BETWEEN :v AND :w").value(":v", n(5))
            .value(":w", n(3)).build(),
        Query.builder().index("by-status").keyCondition("customer = :c").value(":c", s("c0"))
            .build());
    for (Query q : bad) {
      refused(t.query(q), ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Test
  void aLimitedQueryPagesThroughEveryItemOnceForwardAndBackward() {
    // Paginating query results: a page holds at most Limit evaluated items; its
    // LastEvaluatedKey, given as ExclusiveStartKey, resumes after it; "If LastEvaluatedKey is
    // empty, then the 'last page' of results has been processed" (and when it is not, a later
    // page may still be empty). Backward pages resume backward.
    Table t = orders();
    Set<String> keyNames = Set.of("customer", "n");
    for (boolean forward : List.of(true, false)) {
      Query query = customer("c2").forward(forward).limit(7).build();
      List<Item> paged = allPages(after -> one(t.queryPage(
          after == null ? query : query.startingAfter(after))), 7, keyNames);
      assertEquals(all(t.query(customer("c2").forward(forward).build())), paged);
      assertEquals(20, paged.size());
    }
    Query byStatus = Query.builder().index("by-status").keyCondition("#s = :s")
        .name("#s", "status").value(":s", s("open")).limit(4).build();
    List<Item> paged = allPages(after -> one(t.queryPage(
        after == null ? byStatus : byStatus.startingAfter(after))), 4,
        Set.of("status", "amount", "customer", "n"));
    assertEquals(all(t.query(Query.builder().index("by-status").keyCondition("#s = :s")
        .name("#s", "status").value(":s", s("open")).build())), paged,
        "an index's LastEvaluatedKey holds the index key and the table key");
  }

  @Test
  void theLimitCountsItemsBeforeTheFilterDropsThem() {
    // "A filter expression is applied after a Query finishes, but before the results are
    // returned"; Limit is "the maximum number of items to evaluate (not necessarily the number
    // of matching items)"; ScannedCount counts items before the filter, Count after.
    Table t = orders();
    Query filtered = customer("c1").filter("amount > :a").value(":a", n(20)).limit(10).build();
    Page page = one(t.queryPage(filtered));
    List<Item> firstTen = modelOrders("c1", i -> true).subList(0, 10);
    assertEquals(10, page.scannedCount());
    assertEquals(firstTen.stream().filter(i -> i.getNumber("amount").intValue() > 20).toList(),
        page.items());
    Page whole = one(t.queryPage(customer("c1").filter("amount > :a").value(":a", n(20))
        .build()));
    assertEquals(20, whole.scannedCount());
    assertEquals(modelOrders("c1", i -> i.getNumber("amount").intValue() > 20), whole.items());
    assertFalse(whole.hasMore());
    assertEquals(firstTen.stream().filter(i -> i.getNumber("amount").intValue() > 20).toList(),
        all(t.query(filtered)), "a Flux of a limited query evaluates the limit too");
  }

  @Test
  void aQueryFilterMayNotNameAKeyAttribute() {
    // "A filter expression cannot contain partition key or sort key attributes. You need to
    // specify those attributes in the key condition expression" (a ValidationException).
    Table t = orders();
    invalid(t.query(customer("c0").filter("n > :v").value(":v", n(1)).build()));
    invalid(t.query(customer("c0").filter("customer = :c").build()));
  }

  @Test
  void aQueryReturnsOnlyTheProjectedAttributes() {
    // ProjectionExpression on Query: only the named attributes, of each item returned.
    Table t = orders();
    assertEquals(modelOrders("c0", i -> true).stream()
            .map(i -> only(i, Set.of("amount", "day"))).toList(),
        all(t.query(customer("c0").projection("amount, #d").name("#d", "day").build())));
  }

  @Test
  void aQueryHonoursDemand() {
    // Reactive Streams: a query emits no more items than requested.
    Table t = orders();
    StepVerifier.create(t.query(customer("c1").build()), 0)
        .thenRequest(2).expectNextCount(2)
        .thenRequest(100).expectNextCount(18)
        .verifyComplete();
  }

  @Test
  void aQueryReadsOneSnapshotFromItsFirstItemToItsLast() {
    // Weir's promise (a DynamoDB page is read at one point too): writes committed while a
    // query is being read do not show in it.
    Table t = orders();
    List<Item> expected = modelOrders("c1", i -> true);
    java.util.Iterator<Item> reading = t.query(customer("c1").build()).toIterable(1).iterator();
    List<Item> read = new ArrayList<>(List.of(reading.next()));
    one(t.deleteItem(orderKey(expected.get(10))));
    one(t.putItem(expected.get(5).with("amount", n(-1))));
    one(t.putItem(Item.builder().string("customer", "c1").number("n", 100).build()));
    reading.forEachRemaining(read::add);
    assertEquals(expected, read);
    assertEquals(20, all(t.query(customer("c1").build())).size(), "one gone, one new");
  }

  @Test
  void aPageStopsAtAboutOneMegabyteAndThePagesAfterItHoldTheRest() {
    // "A single Query only returns a result set that fits within the 1 MB size limit"; the
    // LastEvaluatedKey resumes after it. A Flux of the query is not paged.
    Table t = compositeTable("big");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Item item = key("p", "s" + i).with("v", s(("" + i).repeat(300 * 1024)));
      items.add(item);
      one(t.putItem(item));
    }
    Query all = Query.builder().keyCondition("pk = :p").value(":p", s("p")).build();
    Page first = one(t.queryPage(all));
    assertTrue(first.count() >= 1 && first.count() < items.size(), "" + first.count());
    assertTrue(first.hasMore());
    assertEquals(items, allPages(after -> one(t.queryPage(
        after == null ? all : all.startingAfter(after))), Integer.MAX_VALUE, Set.of("pk", "sk")));
    assertEquals(items, all(t.query(all)));
    assertEquals(items.size(), all(t.scan(Scan.all())).size());
  }

  // ------------------------------------------------------------------ indexes

  private Query status(String value) {
    return Query.builder().index("by-status").keyCondition("#s = :s").name("#s", "status")
        .value(":s", s(value)).build();
  }

  private static final Set<String> STATUS_KEYS = Set.of("status", "amount", "customer", "n");

  /** The by-status entries the model holds, as the index returns them. */
  private List<Item> modelStatus(String value) {
    return orders.values().stream()
        .filter(i -> value.equals(i.getString("status")) && i.contains("amount"))
        .sorted(Comparator.comparing(i -> i.getNumber("amount")))
        .map(i -> only(i, STATUS_KEYS)).toList();
  }

  @Test
  void aSparseGlobalIndexHoldsExactlyTheItemsWithItsKeyAttributesThroughEveryChange() {
    // Sparse indexes: "For any item in a table, DynamoDB writes a corresponding index entry
    // only if the index sort key value is present in the item"; a global index's entries are
    // ordered by its sort key and follow every put, update and delete of their items.
    Table t = orders();
    assertEquals(modelStatus("open"), all(t.query(status("open"))));
    Item k0 = orderKey(orders.get(Item.builder().string("customer", "c0").number("n", 0)
        .build()));
    Item k1 = Item.builder().string("customer", "c0").number("n", 1).build();
    Item k3 = Item.builder().string("customer", "c1").number("n", 3).build();
    Item k6 = Item.builder().string("customer", "c2").number("n", 6).build();
    one(t.updateItem(k0, "REMOVE #s", options().name("#s", "status").build()));
    orders.put(k0, orders.get(k0).without("status"));
    one(t.updateItem(k1, "SET #s = :s", options().name("#s", "status").value(":s", s("open"))
        .build()));
    orders.put(k1, orders.get(k1).with("status", s("open")));
    one(t.deleteItem(k3));
    orders.remove(k3);
    one(t.updateItem(k6, "SET amount = :a", options().value(":a", n(-1000)).build()));
    orders.put(k6, orders.get(k6).with("amount", n(-1000)));
    Item closed = Item.builder().string("customer", "c9").number("n", 1).number("amount", 5)
        .string("status", "closed").build();
    one(t.putItem(closed));
    orders.put(orderKey(closed), closed);
    one(t.updateItem(k6, "REMOVE amount", options().build()));
    orders.put(k6, orders.get(k6).without("amount"));
    assertEquals(modelStatus("open"), all(t.query(status("open"))));
    assertEquals(modelStatus("closed"), all(t.query(status("closed"))));
    assertEquals(new HashSet<>(orders.values().stream()
            .filter(i -> i.contains("status") && i.contains("amount"))
            .map(i -> only(i, STATUS_KEYS)).toList()),
        new HashSet<>(all(t.scan(Scan.builder().index("by-status").build()))),
        "a scan of the index holds the same entries");
  }

  @Test
  void anIndexReturnsTheAttributesItsProjectionNames() {
    // Projection: "KEYS_ONLY - Only the index and primary keys are projected into the index";
    // "INCLUDE - In addition to the attributes described in KEYS_ONLY, the secondary index will
    // include other non-key attributes that you specify"; "ALL - All of the table attributes
    // are projected into the index."
    Table t = orders();
    assertEquals(modelOrders("c0", i -> "2026-12-01".equals(i.getString("day"))).stream()
            .map(i -> only(i, Set.of("customer", "n", "day", "amount")))
            .collect(Collectors.toSet()),
        contentsOf(t.query(Query.builder().index("by-day").keyCondition("customer = :c AND #d = :d")
            .name("#d", "day").value(":c", s("c0")).value(":d", s("2026-12-01")).build())),
        "INCLUDE: the keys and amount; entries of one index key come in no particular order");
    List<Item> r1 = all(t.query(Query.builder().index("by-region").keyCondition("#r = :r")
        .name("#r", "region").value(":r", s("r1")).build()));
    assertEquals(new HashSet<>(orders.values().stream()
            .filter(i -> "r1".equals(i.getString("region"))).toList()), new HashSet<>(r1),
        "ALL: whole items; a global index key need not be unique");
    assertEquals(3 * 4, r1.size());
    assertTrue(all(t.query(status("open"))).stream()
        .allMatch(i -> i.names().equals(STATUS_KEYS)));
  }

  @Test
  void aLocalIndexOrdersEachPartitionByItsSortKey() {
    // A local secondary index "has the same partition key as the base table, but a different
    // sort key"; a query on it returns the partition's items in the index's sort key order.
    Table t = orders();
    List<Item> byDay = all(t.query(Query.builder().index("by-day")
        .keyCondition("customer = :c").value(":c", s("c1")).build()));
    assertEquals(new HashSet<>(modelOrders("c1", i -> true).stream()
            .map(i -> only(i, Set.of("customer", "n", "day", "amount"))).toList()),
        new HashSet<>(byDay));
    for (int i = 1; i < byDay.size(); i++) {
      assertTrue(byDay.get(i - 1).getString("day").compareTo(byDay.get(i).getString("day"))
          <= 0, "ordered by day");
    }
    List<Item> backward = all(t.query(Query.builder().index("by-day").backward()
        .keyCondition("customer = :c AND #d > :d").name("#d", "day").value(":c", s("c1"))
        .value(":d", s("2026-12-01")).build()));
    assertEquals(10, backward.size());
    assertTrue(backward.stream().allMatch(i -> i.getString("day").equals("2026-12-02")));
  }

  @Test
  void anIndexKeyAttributeOfTheWrongTypeOrEmptyIsRefused() {
    // An item's index key attributes must have the index's key types ("Type mismatch for Index
    // Key") and may not be empty strings or binaries ("A value specified for a secondary index
    // key is not supported"): ValidationExceptions that write nothing.
    Table t = orders();
    List<Item> before = scanAll(t);
    Item base = Item.builder().string("customer", "c5").number("n", 1).build();
    invalid(t.putItem(base.with("status", n(1))));
    invalid(t.putItem(base.with("status", s(""))));
    invalid(t.putItem(base.with("day", s(""))));
    invalid(t.putItem(base.with("amount", s("ten"))));
    Item k = Item.builder().string("customer", "c0").number("n", 0).build();
    invalid(t.updateItem(k, "SET amount = :a", options().value(":a", s("ten")).build()));
    invalid(t.batchWrite(List.of(WriteRequest.put("orders", base.with("region", n(2))))));
    assertEquals(before, scanAll(t));
  }

  @Test
  void readingAnIndexTheTableDoesNotHaveIsRefused() {
    // An index name the table does not declare: the index is not found (Weir's
    // TableNotFoundException, DynamoDB's "The table does not have the specified index").
    Table t = orders();
    refused(t.query(Query.builder().index("nope").keyCondition("x = :v").value(":v", n(1))
        .build()), TableNotFoundException.class, ErrorCode.TABLE_NOT_FOUND);
    refused(t.scan(Scan.builder().index("nope").build()), TableNotFoundException.class,
        ErrorCode.TABLE_NOT_FOUND);
  }

  // ------------------------------------------------------------------ scan

  @Test
  void parallelScanSegmentsAreDisjointAndCoverTheTableAndItsIndexes() {
    // Parallel scan: TotalSegments workers each scan one Segment; together they read every
    // item once. A segment pages with its own LastEvaluatedKey.
    Table t = orders();
    for (String index : new String[] {null, "by-region", "by-day"}) {
      Scan.Builder whole = Scan.builder();
      if (index != null) {
        whole.index(index);
      }
      List<Item> everything = all(t.scan(whole.build()));
      List<Item> union = new ArrayList<>();
      for (int segment = 0; segment < 4; segment++) {
        Scan.Builder b = Scan.builder().segment(segment, 4).limit(5);
        if (index != null) {
          b.index(index);
        }
        Scan scan = b.build();
        Set<String> keyNames = index == null ? Set.of("customer", "n")
            : index.equals("by-region") ? Set.of("region", "customer", "n")
            : Set.of("customer", "day", "n");
        union.addAll(allPages(after -> one(t.scanPage(
            after == null ? scan : scan.startingAfter(after))), 5, keyNames));
      }
      assertEquals(everything.size(), union.size(), "segments are disjoint");
      assertEquals(new HashSet<>(everything), new HashSet<>(union), "segments cover " + index);
    }
    assertEquals(new HashSet<>(orders.values()), contents(t));
  }

  @Test
  void aScanFilterDropsItemsAfterTheLimitCountedThem() {
    // Scan: "Limit: The maximum number of items to evaluate"; the filter applies after, and
    // ScannedCount counts the items evaluated.
    Table t = orders();
    Scan scan = Scan.builder().filter("amount > :a AND attribute_exists(#s)")
        .name("#s", "status").value(":a", n(50)).projection("amount").limit(9).build();
    List<Item> matched = allPages(after -> one(t.scanPage(
        after == null ? scan : scan.startingAfter(after))), 9, Set.of("customer", "n"));
    assertEquals(orders.values().stream()
            .filter(i -> i.getNumber("amount").intValue() > 50 && i.contains("status"))
            .map(i -> only(i, Set.of("amount"))).collect(Collectors.toSet()),
        new HashSet<>(matched));
    Page first = one(t.scanPage(scan));
    assertEquals(9, first.scannedCount());
  }

  // ------------------------------------------------------------------ batches

  @Test
  void aBatchWritePutsAndDeletesAcrossTables() {
    // BatchWriteItem: puts and deletes "in one or more tables"; a delete of an absent item is
    // no error.
    Table users = simpleTable("users");
    Table logs = compositeTable("logs");
    one(users.putItem(key("gone")));
    one(tables.batchWrite(List.of(
        WriteRequest.put("users", key("u1").with("a", n(1))),
        WriteRequest.put("logs", key("u1", "2026")),
        WriteRequest.delete("users", key("gone")),
        WriteRequest.delete("logs", key("never", "x")))));
    assertEquals(Set.of(key("u1").with("a", n(1))), contents(users));
    assertEquals(Set.of(key("u1", "2026")), contents(logs));
    one(users.batchWrite(List.of(WriteRequest.put("users", key("u2")),
        WriteRequest.delete("users", key("u1")))));
    assertEquals(Set.of(key("u2")), contents(users));
  }

  @Test
  void aBatchWriteWithAnInvalidRequestIsRefusedWhole() {
    // BatchWriteItem: "DynamoDB rejects the entire batch write operation" when a request's key
    // does not match the table's schema, when it does "multiple operations on the same item",
    // when an item exceeds 400 KB or the table does not exist.
    Table users = simpleTable("users");
    one(users.putItem(key("keep")));
    invalid(tables.batchWrite(List.of(WriteRequest.put("users", key("a")),
        WriteRequest.put("users", Item.builder().number("pk", 1).build()))));
    invalid(tables.batchWrite(List.of(WriteRequest.put("users", key("a")),
        WriteRequest.delete("users", key("a")))));
    invalid(tables.batchWrite(List.of(WriteRequest.put("users", key("a")),
        WriteRequest.put("users", key("b").with("v", s("x".repeat(MAX_ITEM_BYTES)))))));
    refused(tables.batchWrite(List.of(WriteRequest.put("users", key("a")),
        WriteRequest.put("nowhere", key("a")))), TableNotFoundException.class,
        ErrorCode.TABLE_NOT_FOUND);
    invalid(users.batchWrite(List.of(WriteRequest.put("other", key("a")))));
    invalid(tables.batchWrite(List.of()));
    assertEquals(Set.of(key("keep")), contents(users));
  }

  @Test
  void aBatchGetReturnsTheItemsOfTheKeysAskedWithTheirProjection() {
    // BatchGetItem: the items of the keys asked, from one or more tables, with a projection
    // per table; a key with no item returns nothing. (DynamoDB returns them in no particular
    // order; Weir answers in request order, empty for an absent item.)
    Table users = simpleTable("users");
    Table logs = compositeTable("logs");
    one(users.putItem(key("u1").with("a", n(1)).with("b", n(2))));
    one(logs.putItem(key("u1", "x")));
    List<Optional<Item>> found = one(tables.batchGet(List.of(
        KeyRef.of("logs", key("u1", "x")),
        KeyRef.of("users", key("absent")),
        new KeyRef("users", key("u1"), GetOptions.projection("b")))));
    assertEquals(List.of(Optional.of(key("u1", "x")), Optional.empty(),
        Optional.of(Item.builder().number("b", 2).build())), found);
    assertEquals(List.of(key("u1").with("a", n(1)).with("b", n(2))),
        all(users.batchGet(List.of(key("absent"), key("u1")))));
    invalid(tables.batchGet(List.of(KeyRef.of("users", key("u1").with("a", n(1))))));
  }

  // ------------------------------------------------------------------ transactions

  @Test
  void aTransactionWritesAllOrNothingWithAReasonPerItemInRequestOrder() {
    // TransactWriteItems: "all-or-nothing"; if a condition is not met the transaction is
    // cancelled with CancellationReasons "in the same order as the TransactItems", None for
    // the items not at fault, ConditionalCheckFailed (with the item when
    // ReturnValuesOnConditionCheckFailure is ALL_OLD) for the one at fault.
    Table users = simpleTable("users");
    Table logs = compositeTable("logs");
    Item alice = key("alice").with("age", n(30));
    Item dave = key("dave").with("age", n(30));
    one(users.putItem(alice));
    one(users.putItem(dave));
    TransactionCanceledException e = refused(tables.transactWrite(List.of(
            TransactWriteItem.put("logs", key("alice", "1")),
            TransactWriteItem.update("users", key("alice"), "SET age = age + :one",
                options().value(":one", n(1)).build()),
            TransactWriteItem.conditionCheck("users", key("bob"),
                options().condition("attribute_exists(pk)").build()),
            TransactWriteItem.delete("users", key("dave"), options().condition("age > :a")
                .value(":a", n(40)).returnOldOnConditionFailure(true).build()))),
        TransactionCanceledException.class, ErrorCode.TRANSACTION_CANCELED);
    assertEquals(List.of(CancellationReason.Code.NONE, CancellationReason.Code.NONE,
            CancellationReason.Code.CONDITIONAL_CHECK_FAILED,
            CancellationReason.Code.CONDITIONAL_CHECK_FAILED),
        e.reasons().stream().map(CancellationReason::code).toList());
    assertTrue(e.reasons().get(2).oldItem().isEmpty());
    assertEquals(dave, e.reasons().get(3).oldItem().orElseThrow());
    assertEquals("ConditionalCheckFailed", e.reasons().get(3).code().wireName());
    assertEquals(Set.of(alice, dave), contents(users));
    assertEquals(Set.of(), contents(logs));

    one(tables.transactWrite(List.of(
        TransactWriteItem.put("logs", key("alice", "1")),
        TransactWriteItem.update("users", key("alice"), "SET age = age + :one",
            options().value(":one", n(1)).build()),
        TransactWriteItem.conditionCheck("users", key("dave"),
            options().condition("age = :a").value(":a", n(30)).build()),
        TransactWriteItem.delete("users", key("carol")))));
    assertEquals(Set.of(alice.with("age", n(31)), dave), contents(users));
    assertEquals(Set.of(key("alice", "1")), contents(logs));
  }

  @Test
  void aTransactionWhoseWriteMakesAnItemInvalidIsCancelledWithAValidationError() {
    // TransactionCanceledException: "An item size becomes too large (larger than 400 KB) ...
    // or a similar validation error occurs because of changes made by the transaction": the
    // reason is ValidationError, and nothing is written.
    Table users = simpleTable("users");
    one(users.putItem(key("big").with("v", s("x".repeat(MAX_ITEM_BYTES - 10)))));
    TransactionCanceledException e = refused(tables.transactWrite(List.of(
            TransactWriteItem.put("users", key("new")),
            TransactWriteItem.update("users", key("big"), "SET w = :w",
                options().value(":w", s("y".repeat(20))).build()))),
        TransactionCanceledException.class, ErrorCode.TRANSACTION_CANCELED);
    assertEquals(List.of(CancellationReason.Code.NONE, CancellationReason.Code.VALIDATION_ERROR),
        e.reasons().stream().map(CancellationReason::code).toList());
    assertNull(one(users.getItem(key("new"))));
  }

  @Test
  void aTransactionMayNotTouchOneItemTwiceNorHoldMoreThan100Items() {
    // TransactWriteItems: "up to 100 action requests"; "Transaction request cannot include
    // multiple operations on one item". ValidationExceptions: nothing is written.
    Table users = simpleTable("users");
    invalid(tables.transactWrite(List.of(TransactWriteItem.put("users", key("a")),
        TransactWriteItem.conditionCheck("users", key("a"),
            options().condition("attribute_not_exists(pk)").build()))));
    List<TransactWriteItem> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(TransactWriteItem.put("users", key("k" + i)));
    }
    invalid(tables.transactWrite(many));
    one(tables.transactWrite(many.subList(0, 100)));
    assertEquals(100, scanAll(users).size());
    List<KeyRef> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(KeyRef.of("users", key("k" + i)));
    }
    invalid(tables.transactGet(keys));
    assertEquals(100, one(tables.transactGet(keys.subList(0, 100))).stream()
        .filter(Optional::isPresent).count());
  }

  @Test
  void transactGetReadsEveryItemInRequestOrder() {
    // TransactGetItems: "an ordered array of up to 100 ItemResponse objects, each of which
    // corresponds to the TransactGetItem object in the same position"; an item that does not
    // exist has an empty response; each with its own projection.
    Table users = simpleTable("users");
    Table logs = compositeTable("logs");
    one(users.putItem(key("u1").with("a", n(1)).with("b", n(2))));
    one(logs.putItem(key("u1", "x").with("c", n(3))));
    assertEquals(List.of(Optional.empty(), Optional.of(Item.builder().number("a", 1).build()),
            Optional.of(key("u1", "x").with("c", n(3)))),
        one(tables.transactGet(List.of(KeyRef.of("users", key("none")),
            new KeyRef("users", key("u1"), GetOptions.projection("a")),
            KeyRef.of("logs", key("u1", "x"))))));
    refused(tables.transactGet(List.of(KeyRef.of("nowhere", key("a")))),
        TableNotFoundException.class, ErrorCode.TABLE_NOT_FOUND);
    refused(tables.transactWrite(List.of(TransactWriteItem.put("nowhere", key("a")))),
        TableNotFoundException.class, ErrorCode.TABLE_NOT_FOUND);
  }

  @Test
  void anUnlimitedQueryOfASmallPartitionIsOnePageAndALimitBelowOneIsRefused() {
    // A page stops at Limit or at 1 MB of items; an unlimited query of a small partition is
    // one page with no LastEvaluatedKey. Limit: "Minimum value of 1".
    Table t = orders();
    Page page = one(t.queryPage(customer("c0").build()));
    assertEquals(21, page.count());
    assertFalse(page.hasMore());
    assertEquals(ReadSpec.NO_LIMIT, customer("c0").build().spec().limit());
    org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
        () -> customer("c0").limit(0));
  }
}
