package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.table.Item;
import dev.weir.table.TableNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SelectTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static List<String> ids(List<Item> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.getString("customer") + "/" + i.getNumber("id")));
    return out;
  }

  @Test
  void aSelectByPartitionKeyQueriesItsPartitionInSortKeyOrder() {
    assertEquals(List.of("c1/1", "c1/2", "c1/3"),
        ids(f.run("SELECT * FROM orders WHERE customer = 'c1' AND id <= 3")));
    assertEquals(List.of("c2/4", "c2/5", "c2/6"),
        ids(f.run("SELECT * FROM orders WHERE customer = ? AND id BETWEEN ? AND ?",
            string("c2"), number(4), number(6))));
  }

  @Test
  void orderByTheSortKeyDescendingRunsTheQueryBackward() {
    assertEquals(List.of("c1/10", "c1/9", "c1/8"), ids(f.run(
        "SELECT * FROM orders WHERE customer = 'c1' AND id >= 8 ORDER BY id DESC")));
    assertEquals(List.of("c1/8", "c1/9", "c1/10"), ids(f.run(
        "SELECT * FROM orders WHERE customer = 'c1' AND id >= 8 ORDER BY id ASC")));
    assertEquals(List.of("c2/10", "c2/8", "c2/6"), ids(f.run(
        "SELECT * FROM orders.\"by-status\" WHERE status = 'open' AND customer = 'c2' "
            + "AND placed >= '2026-12-16' ORDER BY placed DESC")));
  }

  @Test
  void orderByAnythingButAQuerysSortKeyIsRefused() {
    for (String s : List.of("SELECT * FROM orders ORDER BY id",
        "SELECT * FROM orders WHERE customer = 'c1' ORDER BY total",
        "SELECT * FROM users WHERE pk = 'u1' ORDER BY pk")) {
      StepVerifier.create(f.tables.execute(s, List.of()))
          .expectErrorSatisfies(e -> assertEquals(true,
              e.getMessage().startsWith("ORDER BY needs a query"), s + ": " + e))
          .verify();
    }
  }

  @Test
  void aQueryFilterOnAKeyAttributeIsAppliedAfterTheKeyCondition() {
    assertEquals(List.of("c0/2", "c0/3", "c0/4"),
        ids(f.run("SELECT * FROM orders WHERE customer = 'c0' AND id > 1 AND id < 5")));
    assertEquals(List.of("c0/1", "c0/2", "c0/4", "c0/5"), ids(f.run(
        "SELECT * FROM orders WHERE customer = 'c0' AND id <> 3 AND id < 6")));
  }

  @Test
  void aFilterAndAProjectionShapeTheItems() {
    List<Item> items = f.run(
        "SELECT id, total FROM orders WHERE customer = 'c2' AND total >= 72 AND status = 'open'");
    assertEquals(List.of(
        Item.builder().number("id", 8).number("total", 82).build(),
        Item.builder().number("id", 10).number("total", 102).build()), items);
  }

  @Test
  void aSelectWithoutThePartitionKeyScans() {
    assertEquals(List.of("c0/10", "c1/10", "c2/10"),
        ids(f.run("SELECT * FROM orders WHERE id = 10")).stream().sorted().toList());
    assertEquals(30, f.run("SELECT * FROM orders").size());
    assertEquals(List.of("c1/2", "c2/2"), ids(f.run(
        "SELECT * FROM orders WHERE (customer = 'c1' OR customer = 'c2') AND id = 2"))
        .stream().sorted().toList());
    assertEquals(List.of("c0/1", "c2/1"), ids(f.run(
        "SELECT * FROM orders WHERE customer > 'a' AND customer IN ['c0', 'c2'] AND id = 1"))
        .stream().sorted().toList());
  }

  @Test
  void inOnThePartitionKeyReadsEachDistinctPartitionInTurn() {
    assertEquals(List.of("c2/9", "c2/10", "c0/9", "c0/10"), ids(f.run(
        "SELECT * FROM orders WHERE customer IN ['c2', ?, 'c2', 'nobody'] AND id >= 9",
        string("c0"))));
    assertEquals(List.of("c1/3", "c0/3"), ids(f.run(
        "SELECT * FROM orders WHERE customer IN ('c1', 'c0') AND id = 3")));
    StepVerifier.create(f.tables.execute(
            "SELECT * FROM orders WHERE customer IN ['c1', 2]", List.of()))
        .expectError(dev.weir.table.ItemValidationException.class).verify();
  }

  @Test
  void aSelectByFullKeyGetsOneItem() {
    assertEquals(List.of("c1/7"), ids(f.run(
        "SELECT * FROM orders WHERE customer = 'c1' AND id = 7")));
    assertEquals(List.of(), f.run("SELECT * FROM orders WHERE customer = 'c1' AND id = 77"));
    assertEquals(List.of(), f.run(
        "SELECT * FROM orders WHERE customer = 'c1' AND id = 7 AND total > 1000"));
  }

  @Test
  void nestedPathsAreReadAndProjected() {
    assertEquals(List.of(Item.fromJson("{\"name\":{\"S\":\"Alice\"},"
            + "\"address\":{\"M\":{\"city\":{\"S\":\"Oslo\"}}},\"tags\":{\"L\":[{\"S\":\"b\"}]}}")),
        f.run("SELECT name, address.city, tags[1] FROM users WHERE address.city = 'Oslo'"));
    assertEquals(List.of("u1"), pks(f.run("SELECT * FROM users WHERE tags[0] = 'a'")));
  }

  @Test
  void functionsAndMissing() {
    assertEquals(List.of("u1"), pks(f.run(
        "SELECT * FROM users WHERE begins_with(name, 'Al')")));
    assertEquals(List.of("u2"), pks(f.run("SELECT * FROM users WHERE address IS MISSING")));
    assertEquals(List.of("u1"), pks(f.run("SELECT * FROM users WHERE address IS NOT MISSING")));
    assertEquals(List.of("u1"), pks(f.run(
        "SELECT * FROM users WHERE attribute_exists(tags) AND NOT age > 40")));
    assertEquals(List.of("u2"), pks(f.run("SELECT * FROM users WHERE attribute_not_exists(tags)")));
    assertEquals(List.of("u2"), pks(f.run("SELECT * FROM users WHERE age IN [41, 42]")));
    assertEquals(List.of("u1"), pks(f.run("SELECT * FROM users WHERE size(tags) = 2")));
  }

  @Test
  void isNullTestsForTheNullTypeNotForAbsence() {
    f.run("INSERT INTO users VALUE {'pk': 'u3', 'x': null, 'y': 1}");
    assertEquals(List.of("u3"), pks(f.run("SELECT * FROM users WHERE x IS NULL")));
    assertEquals(List.of(), pks(f.run("SELECT * FROM users WHERE x IS NOT NULL")));
    assertEquals(List.of("u3"), pks(f.run("SELECT * FROM users WHERE y IS NOT NULL")));
    assertEquals(List.of("u1", "u2"), pks(f.run("SELECT * FROM users WHERE x IS MISSING")));
  }

  @Test
  void anIndexIsQueriedByItsOwnKey() {
    List<Item> open = f.run("SELECT customer, id FROM orders.\"by-status\" "
        + "WHERE status = 'open' AND placed >= '2026-12-18'");
    assertEquals(List.of("c0/8", "c1/8", "c2/8", "c0/10", "c1/10", "c2/10").stream().sorted()
        .toList(), ids(open).stream().sorted().toList());
    assertEquals(List.of("c1/3", "c1/6", "c1/9"), ids(f.run(
        "SELECT * FROM orders.\"by-day\" WHERE customer = 'c1' AND day = '2026-12-01'")));
  }

  @Test
  void unknownTablesAndIndexesAreTableNotFound() {
    StepVerifier.create(f.tables.execute("SELECT * FROM nope", List.of()))
        .expectError(TableNotFoundException.class).verify();
    StepVerifier.create(f.tables.execute("SELECT * FROM orders.\"nope\" WHERE customer = 'c'",
        List.of())).expectError(TableNotFoundException.class).verify();
  }

  @Test
  void explainTellsQueryFromScan() {
    StepVerifier.create(f.tables.explain(
            "SELECT * FROM orders WHERE customer = ? AND begins_with(day, '2026')"))
        .expectNext(new Plan(Plan.Kind.QUERY, "orders", null, "customer = ?",
            "begins_with(day, '2026')"))
        .verifyComplete();
    StepVerifier.create(f.tables.explain("SELECT * FROM orders WHERE total > 5"))
        .expectNext(new Plan(Plan.Kind.SCAN, "orders", null, null, "total > 5"))
        .verifyComplete();
  }

  private static List<String> pks(List<Item> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.getString("pk")));
    return out.stream().sorted().toList();
  }
}
