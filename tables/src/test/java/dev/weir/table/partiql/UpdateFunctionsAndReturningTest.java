package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * DynamoDB's PartiQL UPDATE functions ({@code list_append}, {@code set_add}, {@code
 * set_delete}) and RETURNING on UPDATE and DELETE, end to end over the embedded store.
 */
class UpdateFunctionsAndReturningTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void listAppendAddsToTheEndOrTheStart() {
    f.run("UPDATE users SET tags = list_append(tags, ['c', ?]) WHERE pk = 'u1'", string("d"));
    assertEquals(List.of(string("a"), string("b"), string("c"), string("d")),
        f.user("u1").getList("tags"));
    f.run("UPDATE users SET tags = list_append(['z'], tags) WHERE pk = 'u1'");
    assertEquals(string("z"), f.user("u1").getList("tags").get(0));
  }

  @Test
  void setAddUnitesAndCreatesAnAbsentSet() {
    f.run("UPDATE users SET colours = set_add(colours, <<'red'>>) WHERE pk = 'u2'");
    assertEquals(AttributeValue.stringSet("red"), f.user("u2").get("colours"));
    f.run("UPDATE users SET colours = set_add(colours, <<'red', 'blue'>>) WHERE pk = 'u2'");
    assertEquals(AttributeValue.stringSet("red", "blue"), f.user("u2").get("colours"));
    f.run("UPDATE users SET lucky = set_add(lucky, ?) WHERE pk = 'u2'",
        AttributeValue.numberSet(7, 9));
    assertEquals(AttributeValue.numberSet(7, 9), f.user("u2").get("lucky"));
  }

  @Test
  void setDeleteTakesMembersAwayAndAnEmptiedSetGoes() {
    f.run("UPDATE users SET colours = <<'red', 'blue', 'green'>> WHERE pk = 'u2'");
    f.run("UPDATE users SET colours = set_delete(colours, <<'red', 'pink'>>) WHERE pk = 'u2'");
    assertEquals(AttributeValue.stringSet("blue", "green"), f.user("u2").get("colours"));
    f.run("UPDATE users SET colours = set_delete(colours, <<'blue', 'green'>>), age = 42"
        + " WHERE pk = 'u2'");
    Item u2 = f.user("u2");
    assertEquals(false, u2.contains("colours"));
    assertEquals(42L, u2.getLong("age"));
  }

  @Test
  void setFunctionsAreRefusedWhereTheyCannotMeanAnAction() {
    Item before = f.user("u2");
    for (String bad : List.of(
        "UPDATE users SET colours = set_add(other, <<'x'>>) WHERE pk = 'u2'",
        "UPDATE users SET colours = set_add(colours, 'x') WHERE pk = 'u2'",
        "UPDATE users SET colours = set_add(colours) WHERE pk = 'u2'",
        "UPDATE users SET colours = set_delete(colours, name) WHERE pk = 'u2'",
        "UPDATE users SET colours = list_append(set_add(colours, <<'x'>>), [1]) WHERE pk = 'u2'",
        "SELECT * FROM users WHERE set_add(tags, <<'x'>>) = tags")) {
      StepVerifier.create(f.tables.execute(bad, List.of()))
          .expectErrorSatisfies(e -> {
            assertEquals(ExpressionException.class, e.getClass(), bad + ": " + e);
            assertTrue(e.getMessage().contains("set_"), e.getMessage());
          })
          .verify();
    }
    StepVerifier.create(f.tables.execute(
            "UPDATE users SET name = set_add(name, <<'x'>>) WHERE pk = 'u2'", List.of()))
        .expectError(ExpressionException.class).verify(); // ADD to a string: the store refuses
    assertEquals(before, f.user("u2"));
  }

  @Test
  void updateReturnsWhatItsReturningAsks() {
    Item u1 = f.user("u1");
    assertEquals(List.of(), f.run("UPDATE users SET age = 31 WHERE pk = 'u1'"));
    assertEquals(List.of(Item.builder().number("age", 31).build()),
        f.run("UPDATE users SET age = 32 WHERE pk = 'u1' RETURNING MODIFIED OLD *"));
    assertEquals(List.of(Item.builder().number("age", 33).build()),
        f.run("UPDATE users SET age = 33 WHERE pk = 'u1' RETURNING MODIFIED NEW *"));
    Item old = f.run("UPDATE users SET age = 34 WHERE pk = 'u1' RETURNING ALL OLD *").get(0);
    assertEquals(u1.toBuilder().number("age", 33).build(), old);
    Item updated = f.run("UPDATE users SET age = 35 REMOVE tags WHERE pk = 'u1'"
        + " RETURNING ALL NEW *").get(0);
    assertEquals(f.user("u1"), updated);
    assertEquals(35L, updated.getLong("age"));
    assertEquals(false, updated.contains("tags"));
  }

  @Test
  void deleteReturnsTheItemItDeleted() {
    Item u2 = f.user("u2");
    assertEquals(List.of(u2), f.run("DELETE FROM users WHERE pk = ? RETURNING ALL OLD *",
        string("u2")));
    assertNull(f.user("u2"));
    assertEquals(List.of(), f.run("DELETE FROM users WHERE pk = 'u2' RETURNING ALL OLD *"));
    assertEquals(List.of(f.order("c1", 4)), f.run("DELETE FROM orders WHERE customer = 'c1'"
        + " AND id = ? AND status = 'open' RETURNING ALL OLD *", number(4)));
  }

  @Test
  void aFailedConditionReturnsNothingAndChangesNothing() {
    Item u1 = f.user("u1");
    StepVerifier.create(f.tables.execute("UPDATE users SET age = 1 WHERE pk = 'u1' AND age > 99"
            + " RETURNING ALL OLD *", List.of()))
        .expectError(ConditionFailedException.class).verify();
    assertEquals(u1, f.user("u1"));
  }
}
