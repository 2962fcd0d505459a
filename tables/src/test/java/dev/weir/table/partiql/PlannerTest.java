package dev.weir.table.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.table.AttributeType;
import dev.weir.table.ExpressionException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's decisions, data-driven (Pebble's testdata style): a statement in, the plan out.
 * Table {@code orders}: partition key {@code customer}, sort key {@code id}; global index
 * {@code by-status} on ({@code status}, {@code placed}); local index {@code by-day} on
 * {@code day}. Table {@code users}: partition key {@code pk} only.
 */
class PlannerTest {

  static final TableSchema ORDERS = TableSchema.builder("orders")
      .partitionKey("customer", AttributeType.S)
      .sortKey("id", AttributeType.N)
      .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status"),
          KeyAttribute.string("placed")), Projection.all())
      .localIndex("by-day", KeyAttribute.string("day"), Projection.all())
      .build();

  static final TableSchema USERS = TableSchema.builder("users")
      .partitionKey("pk", AttributeType.S).build();

  private static final String CASES = """
      -- the partition key fixed: a query, never a scan
      SELECT * FROM orders WHERE customer = 'c1'
        => QUERY orders KEY customer = 'c1'
      SELECT * FROM orders WHERE 'c1' = customer
        => QUERY orders KEY customer = 'c1'
      SELECT * FROM orders WHERE customer = ?
        => QUERY orders KEY customer = ?
      -- sort key conditions join the key condition; the rest is the filter
      SELECT * FROM orders WHERE customer = 'c1' AND id > 3
        => QUERY orders KEY customer = 'c1' AND id > 3
      SELECT * FROM orders WHERE id >= 3 AND customer = 'c1' AND total > 10
        => QUERY orders KEY customer = 'c1' AND id >= 3 FILTER total > 10
      SELECT * FROM orders WHERE customer = 'c1' AND id BETWEEN 1 AND 5
        => QUERY orders KEY customer = 'c1' AND id BETWEEN 1 AND 5
      SELECT * FROM orders."by-day" WHERE customer = 'c1' AND begins_with(day, '2026-12')
        => QUERY orders."by-day" KEY customer = 'c1' AND begins_with(day, '2026-12')
      SELECT * FROM orders WHERE customer = 'c1' AND 3 < id
        => QUERY orders KEY customer = 'c1' AND 3 < id
      -- a filter reading a key attribute is tested here, but it is still a query
      SELECT * FROM orders WHERE customer = 'c1' AND id <> 3
        => QUERY orders KEY customer = 'c1' FILTER id <> 3
      SELECT * FROM orders WHERE customer = 'c1' AND id > 1 AND id < 9
        => QUERY orders KEY customer = 'c1' AND id > 1 FILTER id < 9
      -- the full primary key: one item
      SELECT * FROM orders WHERE customer = 'c1' AND id = 7
        => GET orders KEY customer = 'c1' AND id = 7
      SELECT name, address.city FROM users WHERE pk = ? AND age > 30
        => GET users KEY pk = ? FILTER age > 30
      -- an index: its own keys decide
      SELECT * FROM orders."by-status" WHERE status = 'open'
        => QUERY orders."by-status" KEY status = 'open'
      SELECT * FROM orders."by-status" WHERE status = 'open' AND placed >= '2026'
        => QUERY orders."by-status" KEY status = 'open' AND placed >= '2026'
      SELECT * FROM orders."by-status" WHERE status = 'open' AND customer = 'c1'
        => QUERY orders."by-status" KEY status = 'open' FILTER customer = 'c1'
      SELECT * FROM orders."by-status" WHERE customer = 'c1'
        => SCAN orders."by-status" FILTER customer = 'c1'
      -- no equality on the partition key ANDed at the top level: a scan
      SELECT * FROM orders
        => SCAN orders
      SELECT * FROM orders WHERE customer = 'c1' OR customer = 'c2'
        => SCAN orders FILTER (customer = 'c1' OR customer = 'c2')
      -- IN on the partition key: one read per value
      SELECT * FROM orders WHERE customer IN ['c1', ?] AND id > 2
        => QUERY orders KEY customer IN ['c1', ?] AND id > 2
      SELECT * FROM orders WHERE customer IN ['c1', 'c2'] AND id = 2
        => GET orders KEY customer IN ['c1', 'c2'] AND id = 2
      SELECT * FROM orders WHERE customer IN ['c1', total]
        => SCAN orders FILTER customer IN ['c1', total]
      SELECT * FROM orders WHERE NOT customer IN ['c1']
        => SCAN orders FILTER NOT (customer IN ['c1'])
      SELECT * FROM orders WHERE customer > 'c1'
        => SCAN orders FILTER customer > 'c1'
      SELECT * FROM orders WHERE NOT customer <> 'c1'
        => SCAN orders FILTER NOT (customer <> 'c1')
      SELECT * FROM orders WHERE customer = total
        => SCAN orders FILTER customer = total
      SELECT * FROM orders WHERE info.customer = 'c1'
        => SCAN orders FILTER info.customer = 'c1'
      SELECT * FROM orders WHERE id = 3
        => SCAN orders FILTER id = 3
      -- writes name the whole key; other terms are the condition
      INSERT INTO users VALUE {'pk': 'u1', 'n': 1}
        => INSERT users
      UPDATE orders SET total = total + 1 WHERE customer = 'c1' AND id = 2
        => UPDATE orders KEY customer = 'c1' AND id = 2
      UPDATE users SET a = ? REMOVE b WHERE pk = ? AND version = ?
        => UPDATE users KEY pk = ? FILTER version = ?
      DELETE FROM orders WHERE id = 2 AND customer = 'c1' AND total IS MISSING
        => DELETE orders KEY customer = 'c1' AND id = 2 FILTER total IS MISSING
      UPDATE users SET n = 1 WHERE pk = 'u1' RETURNING ALL NEW *
        => UPDATE users KEY pk = 'u1'
      -- EXISTS: a condition check of one item by its full key
      EXISTS(SELECT * FROM orders WHERE customer = 'c1' AND id = 2)
        => CHECK orders KEY customer = 'c1' AND id = 2
      EXISTS(SELECT * FROM users WHERE pk = ? AND age >= 18)
        => CHECK users KEY pk = ? FILTER age >= 18
      """;

  @Test
  void eachStatementGetsItsPlan() {
    List<String> failures = new ArrayList<>();
    String[] lines = CASES.split("\n");
    int cases = 0;
    for (int i = 0; i < lines.length; i++) {
      String statement = lines[i].trim();
      if (statement.isEmpty() || statement.startsWith("--")) {
        continue;
      }
      String expected = lines[++i].trim().substring(3);
      String actual = plan(statement).toString();
      cases++;
      if (!expected.equals(actual)) {
        failures.add(statement + "\n  expected " + expected + "\n  actual   " + actual);
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(34, cases);
  }

  @Test
  void theParametersOfAPlanAreNotNeededToDecideIt() {
    Plan p = plan("SELECT * FROM orders WHERE customer = ? AND id BETWEEN ? AND ?");
    assertEquals(Plan.Kind.QUERY, p.kind());
    assertEquals("orders", p.table());
    assertEquals(null, p.index());
    assertEquals("customer = ? AND id BETWEEN ? AND ?", p.keyCondition());
    assertEquals(null, p.filter());
  }

  @Test
  void anUpdateOrDeleteWithoutTheFullKeyIsRefused() {
    for (String s : List.of(
        "UPDATE orders SET a = 1 WHERE customer = 'c1'",
        "UPDATE orders SET a = 1 WHERE customer = 'c1' OR id = 2",
        "DELETE FROM orders WHERE id = 2",
        "DELETE FROM orders WHERE customer > 'c1' AND id = 2",
        "DELETE FROM users WHERE name = 'x'")) {
      ExpressionException e = assertThrows(ExpressionException.class, () -> plan(s), s);
      assertEquals(true, e.getMessage().contains("mandatory equality on all key attributes"), s);
    }
  }

  @Test
  void aWriteToAnIndexIsRefused() {
    for (String s : List.of(
        "INSERT INTO orders.\"by-status\" VALUE {'customer': 'c', 'id': 1}",
        "UPDATE orders.\"by-status\" SET a = 1 WHERE customer = 'c1' AND id = 1",
        "DELETE FROM orders.\"by-status\" WHERE customer = 'c1' AND id = 1")) {
      ExpressionException e = assertThrows(ExpressionException.class, () -> plan(s), s);
      assertEquals(true, e.getMessage().contains("not an index"), s);
    }
  }

  @Test
  void existsNeedsOneItemByItsFullKey() {
    for (String s : List.of(
        "EXISTS(SELECT * FROM orders WHERE customer = 'c1')",
        "EXISTS(SELECT * FROM orders WHERE customer IN ['c1', 'c2'] AND id = 1)",
        "EXISTS(SELECT * FROM orders.\"by-status\" WHERE status = 'open' AND placed = 'x')",
        "EXISTS(SELECT * FROM users WHERE age = 1)")) {
      ExpressionException e = assertThrows(ExpressionException.class, () -> plan(s), s);
      assertEquals(true, e.getMessage().startsWith("EXISTS needs a SELECT of one item by its"
          + " full primary key"), s + ": " + e.getMessage());
    }
  }

  @Test
  void anUnknownIndexIsATableNotFound() {
    assertThrows(TableNotFoundException.class,
        () -> plan("SELECT * FROM orders.\"nope\" WHERE customer = 'c1'"));
  }

  private static Plan plan(String statement) {
    ParsedStatement parsed = Parser.parse(statement);
    TableSchema schema = parsed.target().table().equals("orders") ? ORDERS : USERS;
    return Planner.plan(parsed, schema).describe();
  }
}
