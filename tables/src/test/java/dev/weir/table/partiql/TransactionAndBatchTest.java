package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.CancellationReason;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TransactionCanceledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TransactionAndBatchTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aTransactionOfWritesAppliesThemAll() {
    List<Optional<Item>> results = f.tables.executeTransaction(List.of(
        Statement.of("INSERT INTO users VALUE {'pk': ?, 'age': 5}", string("u3")),
        Statement.of("UPDATE users SET age = age + 1 WHERE pk = 'u1'"),
        Statement.of("DELETE FROM users WHERE pk = ?", string("u2")))).block();
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), results);
    assertEquals(5L, f.user("u3").getLong("age"));
    assertEquals(31L, f.user("u1").getLong("age"));
    assertNull(f.user("u2"));
  }

  @Test
  void aTransactionWithOneFailedConditionWritesNothing() {
    Item u1 = f.user("u1");
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("UPDATE users SET age = 0 WHERE pk = 'u1'"),
            Statement.of("INSERT INTO users VALUE {'pk': 'u2'}"), // a duplicate
            Statement.of("DELETE FROM orders WHERE customer = 'c0' AND id = 1"))))
        .expectErrorSatisfies(e -> {
          TransactionCanceledException t = assertInstanceOf(TransactionCanceledException.class, e);
          assertEquals(List.of(CancellationReason.Code.NONE,
                  CancellationReason.Code.DUPLICATE_ITEM, CancellationReason.Code.NONE),
              t.reasons().stream().map(CancellationReason::code).toList());
          assertEquals("DuplicateItem", t.reasons().get(1).code().wireName());
        })
        .verify();
    assertEquals(u1, f.user("u1"));
    assertEquals("Bob", f.user("u2").getString("name"));
    assertEquals(10L, f.order("c0", 1).getLong("total"));
  }

  @Test
  void aTransactionWithAMalformedOrUnknownStatementWritesNothing() {
    List<Statement> bad = List.of(Statement.of("DELETE FROM users WHERE pk = 'u1'"),
        Statement.of("DELETE FROM users WHERE pk = "));
    StepVerifier.create(f.tables.executeTransaction(bad))
        .expectError(PartiqlSyntaxException.class).verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("DELETE FROM users WHERE pk = 'u1'"),
            Statement.of("DELETE FROM nope WHERE pk = 'u1'"))))
        .expectError(TableNotFoundException.class).verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("DELETE FROM users WHERE pk = 'u1'"),
            Statement.of("DELETE FROM orders WHERE customer = 'c1'"))))
        .expectError(ExpressionException.class).verify();
    assertEquals("Alice", f.user("u1").getString("name"));
  }

  @Test
  void existsChecksAnItemAndItsConditionWithinTheTransaction() {
    List<Optional<Item>> results = f.tables.executeTransaction(List.of(
        Statement.of("EXISTS(SELECT * FROM users WHERE pk = 'u1' AND age = ?)", number(30)),
        Statement.of("EXISTS (SELECT * FROM orders WHERE customer = 'c1' AND id = 2)"),
        Statement.of("UPDATE users SET age = age + 1 WHERE pk = 'u2'"))).block();
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), results);
    assertEquals(42L, f.user("u2").getLong("age"));
  }

  @Test
  void aFalseOrMissingExistsCancelsTheTransaction() {
    for (String check : List.of("EXISTS(SELECT * FROM users WHERE pk = 'u1' AND age > 99)",
        "EXISTS(SELECT * FROM users WHERE pk = 'ghost')")) {
      StepVerifier.create(f.tables.executeTransaction(List.of(
              Statement.of("UPDATE users SET age = 0 WHERE pk = 'u2'"),
              Statement.of(check))))
          .expectErrorSatisfies(e -> assertEquals(List.of(CancellationReason.Code.NONE,
                  CancellationReason.Code.CONDITIONAL_CHECK_FAILED),
              assertInstanceOf(TransactionCanceledException.class, e).reasons().stream()
                  .map(CancellationReason::code).toList(), check))
          .verify();
    }
    assertEquals(41L, f.user("u2").getLong("age"));
  }

  @Test
  void existsRunsOnlyInATransactionAndReturningNotInOne() {
    StepVerifier.create(f.tables.execute("EXISTS(SELECT * FROM users WHERE pk = 'u1')",
            List.of()))
        .expectErrorSatisfies(e -> assertTrue(e.getMessage().startsWith(
            "EXISTS is a condition check of a transaction"), e.getMessage()))
        .verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("SELECT * FROM users WHERE pk = 'u1'"),
            Statement.of("EXISTS(SELECT * FROM users WHERE pk = 'u2')"))))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("UPDATE users SET age = 1 WHERE pk = 'u2' RETURNING ALL NEW *"))))
        .expectErrorSatisfies(e -> assertTrue(e.getMessage().startsWith(
            "a transaction's writes return nothing"), e.getMessage()))
        .verify();
    assertEquals(41L, f.user("u2").getLong("age"));
  }

  @Test
  void aTransactionOfReadsGetsEachItemAtOneSnapshot() {
    List<Optional<Item>> items = f.tables.executeTransaction(List.of(
        Statement.of("SELECT name FROM users WHERE pk = ?", string("u1")),
        Statement.of("SELECT * FROM users WHERE pk = 'ghost'"),
        Statement.of("SELECT total FROM orders WHERE customer = 'c2' AND id = 3"))).block();
    assertEquals(List.of(Optional.of(Item.builder().string("name", "Alice").build()),
        Optional.empty(), Optional.of(Item.builder().number("total", 32).build())), items);
  }

  @Test
  void aTransactionMixesNeitherReadsWithWritesNorQueries() {
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("SELECT * FROM users WHERE pk = 'u1'"),
            Statement.of("DELETE FROM users WHERE pk = 'u2'"))))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("SELECT * FROM orders WHERE customer = 'c1'"))))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(f.tables.executeTransaction(List.of(
            Statement.of("SELECT * FROM users WHERE pk IN ['u1', 'u2']"))))
        .expectError(ExpressionException.class).verify();
    assertEquals("Bob", f.user("u2").getString("name"));
  }

  @Test
  void aBatchAnswersEachStatementWithItsItemOrItsError() {
    List<BatchResult> results = f.tables.batchExecute(List.of(
        Statement.of("SELECT name FROM users WHERE pk = 'u1'"),
        Statement.of("SELECT * FROM users WHERE pk = 'ghost'"),
        Statement.of("SELECT * FROM nope WHERE pk = 'x'"),
        Statement.of("SELECT * FROM users WHERE"),
        Statement.of("SELECT * FROM orders WHERE customer = 'c1'"))).block();
    assertEquals(Optional.of(Item.builder().string("name", "Alice").build()),
        results.get(0).item());
    assertEquals(BatchResult.of(Optional.empty()), results.get(1));
    assertInstanceOf(TableNotFoundException.class, results.get(2).error());
    assertInstanceOf(PartiqlSyntaxException.class, results.get(3).error());
    assertInstanceOf(ExpressionException.class, results.get(4).error());
  }

  @Test
  void aBatchOfWritesRunsEachOnItsOwn() {
    List<BatchResult> results = f.tables.batchExecute(List.of(
        Statement.of("INSERT INTO users VALUE {'pk': 'u1'}"),
        Statement.of("INSERT INTO users VALUE {'pk': 'u4'}"),
        Statement.of("UPDATE users SET age = ? WHERE pk = 'u2'", number(50)))).block();
    List<Boolean> failed = new ArrayList<>();
    results.forEach(r -> failed.add(r.failed()));
    assertEquals(List.of(true, false, false), failed);
    assertInstanceOf(ConditionFailedException.class, results.get(0).error());
    assertTrue(f.user("u4") != null);
    assertEquals(50L, f.user("u2").getLong("age"));
  }

  @Test
  void aBatchMixingReadsAndWritesOrTooLargeIsRefusedWhole() {
    StepVerifier.create(f.tables.batchExecute(List.of(
            Statement.of("SELECT * FROM users WHERE pk = 'u1'"),
            Statement.of("DELETE FROM users WHERE pk = 'u2'"))))
        .expectError(ExpressionException.class).verify();
    List<Statement> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(Statement.of("DELETE FROM users WHERE pk = 'u2'"));
    }
    StepVerifier.create(f.tables.batchExecute(many))
        .expectError(ExpressionException.class).verify();
    assertEquals("Bob", f.user("u2").getString("name"));
  }
}
