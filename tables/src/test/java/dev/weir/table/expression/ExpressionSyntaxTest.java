package dev.weir.table.expression;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What the parsers refuse, and that each refusal names where and what. */
class ExpressionSyntaxTest {

  private static ExpressionException refused(Executable parse) {
    return assertThrows(ExpressionException.class, parse);
  }

  private static void assertSyntaxError(String expression, int position, String token) {
    ExpressionException e = refused(() -> ConditionExpression.parse(expression));
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(token, e.token(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Invalid ConditionExpression: "), e.getMessage());
  }

  @Test
  void aSyntaxErrorNamesItsZeroBasedPositionAndToken() {
    assertSyntaxError("a = :v AND", 10, "");
    assertSyntaxError("a = = :v", 4, "=");
    assertSyntaxError("a != :v", 2, "!");
    assertSyntaxError("(a = :v", 7, "");
    assertSyntaxError("a = :v)", 6, ")");
    assertSyntaxError("a :v", 2, ":v");
    assertSyntaxError("a IN ()", 6, ")");
    assertSyntaxError("a BETWEEN :x OR :y", 13, "OR");
    assertSyntaxError("a.[1] = :v", 2, "[");
    assertSyntaxError("a[x] = :v", 2, "x");
    assertSyntaxError("a[:i] = :v", 2, ":i");
    assertSyntaxError("# = :v", 0, "#");
    assertSyntaxError("a = :", 4, ":");
    assertSyntaxError("a = :v \u00e9", 7, "\u00e9");
    assertSyntaxError("a = :v \uD83D\uDE00", 7, "\uD83D\uDE00");
  }

  @Test
  void theEndOfInputIsReportedAsAnEmptyToken() {
    ExpressionException e = refused(() -> UpdateExpression.parse("SET a ="));
    assertEquals(7, e.position());
    assertEquals("", e.token());
    assertTrue(e.getMessage().contains("(end of input)"), e.getMessage());
  }

  @Test
  void bareNamesStartWithAnAsciiLetter() {
    assertSyntaxError("_a = :v", 0, "_");
    assertSyntaxError("1a = :v", 0, "1");
    assertSyntaxError("caf\u00e9 = :v", 3, "\u00e9");
    assertSyntaxError("hi-there = :v", 2, "-");
    assertDoesNotThrow(() -> ConditionExpression.parse("Alpha_Numeric_123 = :v"));
    assertDoesNotThrow(() -> ConditionExpression.parse("#_ = :_1 AND #1a = :123"));
  }

  @Test
  void aReservedWordNeedsANamePlaceholder() {
    ExpressionException e = refused(() -> ConditionExpression.parse("a = :v AND Comment = :c"));
    assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved "
        + "keyword: Comment at position 11, near \"Comment\"", e.getMessage());
    refused(() -> ConditionExpression.parse("a.size = :v"));
    refused(() -> UpdateExpression.parse("SET #x = :v REMOVE year"));
    refused(() -> ProjectionExpression.parse("id, name"));
    ConditionExpression aliased = ConditionExpression.parse("#c = :v");
    assertTrue(aliased.test(Item.builder().string("Comment", "x").build(),
        Bindings.of("#c", "Comment", ":v", "x")));
    assertEquals(573, ReservedWords.count());
  }

  @Test
  void functionsAreRefusedWhereTheyCannotStand() {
    List<String> misused = List.of("size(a)", "attribute_exists(a) = :v",
        "size(a) = attribute_exists(b)", "if_not_exists(a, :v) = :w", "list_append(a, b) = :w",
        "contains(size(a), attribute_type(b, :t))");
    for (String expression : misused) {
      ExpressionException e = refused(() -> ConditionExpression.parse(expression));
      assertTrue(e.getMessage().contains("The function is not allowed to be used this way"),
          expression + ": " + e.getMessage());
    }
    assertMessage(() -> ConditionExpression.parse("dog(a) = :v"),
        "Invalid function name; function: dog");
    assertMessage(() -> ConditionExpression.parse("size(a, b) = :v"),
        "Incorrect number of operands for operator or function; operator or function: size, "
            + "number of operands: 2");
    assertMessage(() -> ConditionExpression.parse("attribute_exists(:v)"),
        "Operator or function requires a document path; operator or function: attribute_exists");
    refused(() -> ConditionExpression.parse("attribute_type(a, b)"));
    refused(() -> ConditionExpression.parse("a"));
  }

  @Test
  void anOperatorGivenTheSamePathTwiceIsRefused() {
    assertMessage(() -> ConditionExpression.parse("a.b = a.b"),
        "The first operand must be distinct from the remaining operands for this operator or "
            + "function; operator: =, first operand: [a, b]");
    refused(() -> ConditionExpression.parse("contains(a, a)"));
    assertDoesNotThrow(() -> ConditionExpression.parse("contains(a, a1)"));
  }

  @Test
  void inTakesAtMostOneHundredValues() {
    StringBuilder hundred = new StringBuilder("a IN (:v0");
    for (int i = 1; i < 100; i++) {
      hundred.append(", :v").append(i);
    }
    assertDoesNotThrow(() -> ConditionExpression.parse(hundred + ")"));
    assertMessage(() -> ConditionExpression.parse(hundred + ", :v100)"),
        "The IN operator is provided with too many operands; number of operands: 101");
  }

  @Test
  void anEmptyExpressionIsRefused() {
    for (Consumer<String> parse : List.<Consumer<String>>of(ConditionExpression::parse,
        UpdateExpression::parse, ProjectionExpression::parse, KeyCondition::parse,
        AttributePath::parse)) {
      ExpressionException e = refused(() -> parse.accept(" \t\r\n"));
      assertTrue(e.getMessage().contains("The expression can not be empty"), e.getMessage());
      assertEquals(-1, e.position());
    }
  }

  @Test
  void anExpressionLongerThanFourKilobytesIsRefused() {
    String fits = "a = :v" + " ".repeat(4096 - 6);
    assertDoesNotThrow(() -> ConditionExpression.parse(fits));
    assertMessage(() -> ConditionExpression.parse(fits + " "), "4097 bytes long");
    // the limit counts UTF-8 bytes, as DynamoDB's does: 2,054 characters, 4,097 bytes
    ExpressionException e = refused(() -> UpdateExpression.parse("SET a = :v "
        + "\u00e9".repeat(2043)));
    assertTrue(e.getMessage().contains("bytes long"), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedBeforeItExhaustsTheStack() {
    String deep = "(".repeat(2000) + "a = :v" + ")".repeat(2000);
    assertMessage(() -> ConditionExpression.parse(deep), "nests deeper than 100 levels");
    assertMessage(() -> ConditionExpression.parse("NOT ".repeat(800) + "a = :v"),
        "nests deeper than 100 levels");
    assertMessage(() -> UpdateExpression.parse("SET a = "
        + "if_not_exists(a, ".repeat(150) + ":v" + ")".repeat(150)), "nests deeper");
    String deepButAllowed = "(".repeat(100) + "a = :v" + ")".repeat(100);
    assertDoesNotThrow(() -> ConditionExpression.parse(deepButAllowed));
  }

  @Test
  void longFlatChainsNeedNoDepth() {
    StringBuilder chain = new StringBuilder("a0 = :v");
    for (int i = 1; i < 300; i++) {
      chain.append(i % 2 == 0 ? " AND a" : " OR a").append(i).append(" = :v");
    }
    ConditionExpression c = ConditionExpression.parse(chain.toString());
    assertTrue(c.test(Item.builder().number("a299", 1).build(), Bindings.of(":v", 1)));
  }

  @Test
  void aListIndexBeyondAnIntIsRefused() {
    assertMessage(() -> AttributePath.parse("a[99999999999]"), "List index is too large");
  }

  private static void assertMessage(Executable parse, String expectedPart) {
    ExpressionException e = refused(parse);
    assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
  }
}
