package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.TableNotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class WriteStatementsTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void insertPutsANewItemWithEveryLiteralType() {
    assertEquals(List.of(), f.run("INSERT INTO users VALUE {'pk': 'u3', 'n': 1.5, 'ok': true,"
        + " 'nothing': null, 'l': [1, 'x'], 'm': {'k': ?}, 'ss': <<'a', 'b'>>, 'ns': <<1, 2>>}",
        AttributeValue.binary(new byte[] {1, 2})));
    Item expected = Item.builder().string("pk", "u3").number("n", "1.5").bool("ok", true)
        .nullValue("nothing").list("l", List.of(number(1), string("x")))
        .map("m", Map.of("k", AttributeValue.binary(new byte[] {1, 2})))
        .stringSet("ss", "a", "b").numberSet("ns", 1, 2).build();
    assertEquals(expected, f.user("u3"));
  }

  @Test
  void insertingAnExistingKeyIsADuplicateItemAndChangesNothing() {
    Item before = f.user("u1");
    StepVerifier.create(f.tables.execute(
            "INSERT INTO users VALUE {'pk': 'u1', 'name': 'Mallory'}", List.of()))
        .expectError(DuplicateItemException.class).verify();
    assertEquals(before, f.user("u1"));
  }

  @Test
  void insertOfAWholeItemAsAParameter() {
    f.run("INSERT INTO users VALUE ?", AttributeValue.map(Map.of("pk", string("u9"),
        "age", number(9))));
    assertEquals(Item.builder().string("pk", "u9").number("age", 9).build(), f.user("u9"));
  }

  @Test
  void updateSetsAndRemovesOnTheItemItNames() {
    f.run("UPDATE users SET age = age + 1, address.city = ? SET nick = 'al' REMOVE tags "
        + "WHERE pk = 'u1'", string("Bergen"));
    Item u1 = f.user("u1");
    assertEquals(31L, u1.getLong("age"));
    assertEquals(string("Bergen"), u1.getMap("address").get("city"));
    assertEquals("al", u1.getString("nick"));
    assertEquals(false, u1.contains("tags"));
  }

  @Test
  void updateWithAConditionThatFailsChangesNothing() {
    Item before = f.user("u1");
    StepVerifier.create(f.tables.execute(
            "UPDATE users SET age = 99 WHERE pk = 'u1' AND age > 40", List.of()))
        .expectError(ConditionFailedException.class).verify();
    assertEquals(before, f.user("u1"));
    f.run("UPDATE users SET age = 99 WHERE pk = 'u1' AND age < 40");
    assertEquals(99L, f.user("u1").getLong("age"));
  }

  @Test
  void updateOfAnAbsentItemFailsInsteadOfCreatingIt() {
    StepVerifier.create(f.tables.execute("UPDATE users SET age = 1 WHERE pk = 'ghost'",
            List.of()))
        .expectError(ConditionFailedException.class).verify();
    assertNull(f.user("ghost"));
  }

  @Test
  void updateOfATableWithASortKeyNeedsBoth() {
    f.run("UPDATE orders SET total = total - 5 WHERE customer = 'c1' AND id = 2");
    assertEquals(16L, f.order("c1", 2).getLong("total"));
    StepVerifier.create(f.tables.execute("UPDATE orders SET total = 0 WHERE customer = 'c1'",
            List.of()))
        .expectError(ExpressionException.class).verify();
    assertEquals(16L, f.order("c1", 2).getLong("total"));
  }

  @Test
  void deleteRemovesTheItemAndHonoursItsCondition() {
    StepVerifier.create(f.tables.execute(
            "DELETE FROM orders WHERE customer = 'c0' AND id = 3 AND status = 'open'", List.of()))
        .expectError(ConditionFailedException.class).verify();
    assertEquals(30L, f.order("c0", 3).getLong("total"));
    f.run("DELETE FROM orders WHERE customer = ? AND id = ?", string("c0"), number(3));
    assertNull(f.order("c0", 3));
    f.run("DELETE FROM orders WHERE customer = 'c0' AND id = 3"); // absent: nothing to do
  }

  @Test
  void misusesAreTypedAndChangeNothing() {
    Item before = f.user("u1");
    expect(TableNotFoundException.class, "DELETE FROM nope WHERE pk = 'u1'");
    expect(ExpressionException.class, "DELETE FROM users WHERE name = 'Alice'");
    expect(ExpressionException.class,
        "UPDATE orders.\"by-status\" SET x = 1 WHERE customer = 'c1' AND id = 1");
    expect(ItemValidationException.class, "DELETE FROM users WHERE pk = 1");
    expect(ItemValidationException.class, "SELECT * FROM users WHERE pk = 1");
    expect(ItemValidationException.class,
        "SELECT * FROM orders WHERE customer = 'c1' AND id > 'x'");
    expect(ItemValidationException.class, "INSERT INTO users VALUE {'pk': 7}");
    expect(ItemValidationException.class, "INSERT INTO users VALUE {'name': 'no key'}");
    expect(ItemValidationException.class, "UPDATE users SET pk = 'u7' WHERE pk = 'u1'");
    expect(PartiqlSyntaxException.class, "UPDATE users SET WHERE pk = 'u1'");
    assertEquals(before, f.user("u1"));
    assertEquals(2, f.run("SELECT * FROM users").size());
  }

  @Test
  void aWrongNumberOfParametersIsRefusedBeforeAnythingRuns() {
    StepVerifier.create(f.tables.execute("DELETE FROM users WHERE pk = ?", List.of()))
        .expectErrorSatisfies(e -> assertEquals(
            "the statement has 1 parameters, 0 values were given", e.getMessage()))
        .verify();
    StepVerifier.create(f.tables.execute("DELETE FROM users WHERE pk = ?",
            List.of(string("u1"), string("u2"))))
        .expectError(ExpressionException.class).verify();
    assertEquals(2, f.run("SELECT * FROM users").size());
  }

  private void expect(Class<? extends Throwable> type, String statement) {
    StepVerifier.create(f.tables.execute(statement, List.of()))
        .expectErrorSatisfies(e -> assertEquals(type, e.getClass(), statement + ": " + e))
        .verify();
  }
}
