package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static dev.weir.table.AttributeValue.stringSet;

import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever text they are given, the parsers, and the expressions they accept, fail only with an
 * {@link ExpressionException}: never an index, cast, number-format or stack-overflow error.
 */
class ExpressionFuzzTest {

  private static final String[] SOUP = {"a", "b", "c", "l", "m", "#n", "#m", ":v", ":w", ":s",
      ":l", ":u", "(", ")", "[", "]", "[0]", "[1]", "[99]", ",", ".", "=", "<>", "<", "<=", ">",
      ">=", "+", "-", "AND", "or", "NOT", "between", "IN", "size", "attribute_exists",
      "attribute_not_exists", "attribute_type", "begins_with", "contains", "if_not_exists",
      "list_append", "SET", "remove", "ADD", "DELETE", "_", "1", "99999999999", "\u00e9", "\uD83D",
      "\uDE00", "#", ":", "!", " ", "  ", "\t", "Comment", "((", "))"};

  private static final Item ITEM = Item.builder()
      .number("a", 1).string("b", "xyz").stringSet("c", "p", "q")
      .list("l", List.of(number(1), string("two"), map(Map.of("k", number(3)))))
      .map("m", Map.of("k", list(number(1)), "n", map(Map.of())))
      .build();

  private static final Placeholders PLACEHOLDERS = Placeholders.builder()
      .name("#n", "a").name("#m", "m")
      .value(":v", number(1)).value(":w", number(2)).value(":s", string("S"))
      .value(":l", list(number(9))).value(":u", stringSet("p"))
      .build();

  @Property(tries = 4000, seed = "90210")
  void tokenSoupFailsOnlyWithExpressionExceptions(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int tokens = 1 + random.nextInt(14);
    for (int i = 0; i < tokens; i++) {
      text.append(SOUP[random.nextInt(SOUP.length)]);
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    exercise(text.toString());
  }

  @Property(tries = 2000, seed = "4711")
  void arbitraryTextFailsOnlyWithExpressionExceptions(
      @ForAll @StringLength(max = 60) String text) {
    exercise(text);
  }

  @Property(tries = 300, seed = "1234")
  void longAndDeepTextFailsOnlyWithExpressionExceptions(@ForAll long seed) {
    Random random = new Random(seed);
    String unit = SOUP[random.nextInt(SOUP.length)];
    exercise(unit.repeat(1 + random.nextInt(5000)));
  }

  /** Parses {@code text} as every kind of expression and uses what parses. */
  private static void exercise(String text) {
    expectOnlyExpressionExceptions(text, () -> ConditionExpression.parse(text)
        .test(ITEM, PLACEHOLDERS));
    expectOnlyExpressionExceptions(text, () -> ConditionExpression.parse(text)
        .test(null, PLACEHOLDERS));
    expectOnlyExpressionExceptions(text, () -> UpdateExpression.parse(text)
        .apply(ITEM, PLACEHOLDERS));
    expectOnlyExpressionExceptions(text, () -> UpdateExpression.parse(text)
        .apply(Item.empty(), PLACEHOLDERS));
    expectOnlyExpressionExceptions(text, () -> ProjectionExpression.parse(text)
        .apply(ITEM, PLACEHOLDERS));
    expectOnlyExpressionExceptions(text, () -> KeyCondition.parse(text)
        .bind(PLACEHOLDERS, "a", "b"));
    expectOnlyExpressionExceptions(text, () -> AttributePath.parse(text)
        .resolve(ITEM, PLACEHOLDERS));
  }

  private static void expectOnlyExpressionExceptions(String text, Runnable use) {
    try {
      use.run();
    } catch (ExpressionException expected) {
      if (expected.position() > text.length()) {
        throw new AssertionError("position " + expected.position() + " beyond the text: "
            + text, expected);
      }
    } catch (Throwable other) {
      throw new AssertionError("not an ExpressionException for: " + text, other);
    }
  }
}
