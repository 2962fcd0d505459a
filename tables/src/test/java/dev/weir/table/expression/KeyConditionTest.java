package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.binary;
import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.expression.SortCondition.Op;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key conditions, bound to a key schema of partition key {@code p} and sort key {@code c}. */
class KeyConditionTest {

  private static BoundKeyCondition bind(String expression, Object... bindings) {
    return KeyCondition.parse(expression).bind(Bindings.of(bindings), "p", "c");
  }

  private static String refusal(String expression, Object... bindings) {
    return assertThrows(ExpressionException.class, () -> bind(expression, bindings)).getMessage();
  }

  @Test
  void thePartitionKeyAloneSelectsAWholePartition() {
    BoundKeyCondition bound = bind("p = :p", ":p", "user#1");
    assertEquals(string("user#1"), bound.partitionValue());
    assertNull(bound.sortOrNull());
    assertEquals(new BoundKeyCondition(number(7), null), KeyCondition.parse(" #k  =   :k ")
        .bind(Bindings.of("#k", "id", ":k", 7), "id", null));
  }

  @Test
  void eachSortOperatorBindsWithItsValues() {
    assertEquals(new SortCondition(Op.EQ, number(3), null), bind("p = :p AND c = :c", ":p", "x",
        ":c", 3).sortOrNull());
    assertEquals(Op.LT, bind("p = :p AND c < :c", ":p", "x", ":c", 3).sortOrNull().op());
    assertEquals(Op.LE, bind("p = :p AND c <= :c", ":p", "x", ":c", 3).sortOrNull().op());
    assertEquals(Op.GT, bind("p = :p AND c > :c", ":p", "x", ":c", 3).sortOrNull().op());
    assertEquals(Op.GE, bind("p = :p AND c >= :c", ":p", "x", ":c", 3).sortOrNull().op());
    assertEquals(new SortCondition(Op.BETWEEN, number(4), number(7)),
        bind("p=:p AnD c BeTwEeN :a aNd :b", ":p", "x", ":a", 4, ":b", 7).sortOrNull());
    assertEquals(new SortCondition(Op.BEGINS_WITH, string("2024-"), null),
        bind("p = :p AND begins_with(c, :pre)", ":p", "x", ":pre", "2024-").sortOrNull());
  }

  @Test
  void eitherOrderAndValueFirstComparisonsAreAccepted() {
    assertEquals(new BoundKeyCondition(string("x"), new SortCondition(Op.GT, number(5), null)),
        bind(":c < c AND :p = p", ":p", "x", ":c", 5));
    assertEquals(Op.LE, bind("p = :p AND :c >= c", ":p", "x", ":c", 5).sortOrNull().op());
    assertEquals(Op.EQ, bind("((c = :c) AND (p = :p))", ":p", "x", ":c", 5).sortOrNull().op());
  }

  @Test
  void aConditionWithoutThePartitionKeyIsRefusedNamingIt() {
    String message = refusal("c = :c", ":c", 3);
    assertTrue(message.contains("does not name the partition key p"), message);
  }

  @Test
  void whatNoKeySchemaAcceptsIsRefusedWhenParsed() {
    for (String expression : List.of("p = :p OR c = :c", "NOT c = :c AND p = :p",
        "p = :p AND c <> :c", "p = :p AND c IN (:c)", "p = :p AND attribute_exists(c)",
        "p = :p AND size(c) > :c", "p = :p AND c.d = :c", "p = :p AND c = d",
        "p = :p AND c >= :a AND c <= :b", "p = :p AND contains(c, :c)")) {
      assertThrows(ExpressionException.class, () -> KeyCondition.parse(expression), expression);
    }
    assertTrue(assertThrows(ExpressionException.class,
        () -> KeyCondition.parse("c = :c OR p = :p")).getMessage()
        .contains("Invalid operator used in KeyConditionExpression: OR"));
  }

  @Test
  void whatThisKeySchemaDoesNotAcceptIsRefusedWhenBound() {
    assertTrue(refusal("p = :p AND extra = :o", ":p", "x", ":o", 1)
        .contains("extra, which is not a key attribute"));
    assertTrue(refusal("p = :p AND p = :p", ":p", "x").contains("one condition per key"));
    assertTrue(refusal("p < :p", ":p", "x").contains("can only be tested with ="));
    assertTrue(refusal("p = :p AND begins_with(c, :n)", ":p", "x", ":n", 3)
        .contains("operator or function: begins_with, operand type: N"));
    assertTrue(refusal("p = :p AND c BETWEEN :a AND :b", ":p", "x", ":a", 2, ":b", 1)
        .contains("upper bound to be greater than or equal to lower bound"));
    assertTrue(refusal("p = :p AND c BETWEEN :a AND :b", ":p", "x", ":a", 2, ":b", "z")
        .contains("same data type"));
    assertTrue(refusal("p = :p", ":p", list()).contains("string, a number or a binary"));
    assertTrue(refusal("p = :q", ":p", "x").endsWith("attribute value: :q"));
    assertThrows(ExpressionException.class,
        () -> KeyCondition.parse("p = :p AND c = :c").bind(Bindings.of(":p", "x", ":c", 1), "p",
            null), "a table without a sort key has no c");
  }

  @Test
  void aBoundConditionSelectsTheItemsItDescribes() {
    BoundKeyCondition prefix = bind("p = :p AND begins_with(c, :b)", ":p", "x",
        ":b", binary(new byte[] {1, (byte) 0x80}));
    assertTrue(prefix.matches(Item.builder().string("p", "x")
        .binary("c", new byte[] {1, (byte) 0x80, 0}).build(), "p", "c"));
    assertFalse(prefix.matches(Item.builder().string("p", "y")
        .binary("c", new byte[] {1, (byte) 0x80}).build(), "p", "c"));
    BoundKeyCondition range = bind("p = :p AND c BETWEEN :a AND :b", ":p", "x", ":a", 4,
        ":b", 7);
    for (int c = 0; c < 10; c++) {
      assertEquals(c >= 4 && c <= 7, range.sortOrNull().test(number(c)), "c = " + c);
    }
    assertFalse(range.sortOrNull().test(string("5")));
    assertFalse(range.sortOrNull().test(null));
  }

  @Test
  void placeholdersAreListedForTheRequestsUnusedCheck() {
    KeyCondition k = KeyCondition.parse("#p = :p AND #c BETWEEN :lo AND :hi");
    assertEquals(Set.of("#p", "#c"), k.namePlaceholders());
    assertEquals(Set.of(":p", ":lo", ":hi"), k.valuePlaceholders());
  }
}
