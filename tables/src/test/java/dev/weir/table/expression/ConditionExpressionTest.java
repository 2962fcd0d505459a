package dev.weir.table.expression;

import static dev.weir.table.AttributeValue.binary;
import static dev.weir.table.AttributeValue.bool;
import static dev.weir.table.AttributeValue.list;
import static dev.weir.table.AttributeValue.map;
import static dev.weir.table.AttributeValue.nullValue;
import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.numberSet;
import static dev.weir.table.AttributeValue.string;
import static dev.weir.table.AttributeValue.stringSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Condition and filter expressions, on the examples of DynamoDB's operator reference. */
class ConditionExpressionTest {

  private static final Item PRODUCT = Item.builder()
      .number("Id", 456)
      .string("ProductCategory", "Sporting Goods")
      .number("Price", 650)
      .string("Brand", "Brand-Company A")
      .stringSet("Color", "Red", "Black")
      .map("Pictures", Map.of(
          "FrontView", string("http://example.com/products/456_front.jpg"),
          "SideView", string("http://example.com/products/456_left_side.jpg")))
      .map("ProductReviews", Map.of("FiveStar", list(string("Excellent!"))))
      .list("RelatedItems", List.of(number(341), number(472), number(649)))
      .binary("Thumbnail", new byte[] {1, 2, (byte) 0xff, 4})
      .bool("InStock", true)
      .nullValue("Discontinued")
      .build();

  private static boolean test(String expression, Object... bindings) {
    return ConditionExpression.parse(expression).test(PRODUCT, Bindings.of(bindings));
  }

  @Test
  void theDocumentedFunctionExamplesHoldOfTheProduct() {
    assertTrue(test("attribute_exists (#Pictures.#SideView)",
        "#Pictures", "Pictures", "#SideView", "SideView"));
    assertTrue(test("attribute_not_exists (Manufacturer)"));
    assertTrue(test("attribute_type (ProductReviews.FiveStar, :v_sub)", ":v_sub", "L"));
    assertTrue(test("begins_with (Pictures.FrontView, :v_sub)", ":v_sub", "http://"));
    assertTrue(test("contains (Brand, :v_sub)", ":v_sub", "Company"));
    assertTrue(test("contains (Color, :v_sub)", ":v_sub", "Red"));
    assertTrue(test("size (Brand) <= :v_sub", ":v_sub", 20));
    assertTrue(test("Price BETWEEN :lo AND :hi", ":lo", 500, ":hi", 650));
    assertTrue(test("ProductCategory IN (:cat1, :cat2)", ":cat1", "Books", ":cat2",
        "Sporting Goods"));
  }

  @Test
  void comparatorsOrderNumbersNumerically() {
    assertTrue(test("Price = :v", ":v", number("650.00")));
    assertTrue(test("Price <> :v", ":v", 651));
    assertTrue(test("Price < :v", ":v", 1000));
    assertFalse(test("Price < :v", ":v", 650));
    assertTrue(test("Price <= :v", ":v", 650));
    assertTrue(test("Price > :v", ":v", number("-1e3")));
    assertTrue(test("Price >= :v", ":v", 650));
    assertFalse(test("Price > :v", ":v", number("650.0000001")));
  }

  @Test
  void stringsCompareByCodePointNotByUtf16Unit() {
    // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D)
    Item item = Item.builder().string("s", "\uFF5E").build();
    Placeholders p = Bindings.of(":v", "\uD83D\uDE00");
    assertTrue("\uFF5E".compareTo("\uD83D\uDE00") > 0, "UTF-16 order would say the opposite");
    assertTrue(ConditionExpression.parse("s < :v").test(item, p));
    assertTrue(ConditionExpression.parse(":v > s").test(item, p));
  }

  @Test
  void binariesCompareAsUnsignedBytes() {
    assertTrue(test("Thumbnail > :v", ":v", binary(new byte[] {1, 2, 0x7f})));
    assertTrue(test("Thumbnail < :v", ":v", binary(new byte[] {1, 3})));
    assertTrue(test("begins_with(Thumbnail, :v)", ":v", binary(new byte[] {1, 2, (byte) 0xff})));
    assertTrue(test("contains(Thumbnail, :v)", ":v", binary(new byte[] {(byte) 0xff, 4})));
    assertFalse(test("contains(Thumbnail, :v)", ":v", binary(new byte[] {4, 1})));
  }

  @Test
  void valuesOfDifferentTypesAreNeitherEqualNorOrdered() {
    assertFalse(test("Price = :v", ":v", "650"));
    assertTrue(test("Price <> :v", ":v", "650"));
    assertFalse(test("Price < :v", ":v", "700"));
    assertFalse(test("Price >= :v", ":v", "1"));
    assertFalse(test("Price BETWEEN :lo AND :hi", ":lo", "1", ":hi", "9"));
    assertFalse(test("RelatedItems < :v", ":v", 1));
  }

  @Test
  void anAbsentAttributeEqualsNothingAndDiffersFromEverything() {
    assertFalse(test("Nowhere = :v", ":v", 1));
    assertTrue(test("Nowhere <> :v", ":v", 1));
    assertTrue(test("Nowhere <> Absent"));
    assertFalse(test("Nowhere = Absent"));
    for (String op : List.of("<", "<=", ">", ">=")) {
      assertFalse(test("Nowhere " + op + " :v", ":v", 1), op);
      assertFalse(test(":v " + op + " Nowhere", ":v", 1), op);
    }
    assertFalse(test("Nowhere BETWEEN :a AND :b", ":a", 1, ":b", 2));
    assertFalse(test("Nowhere IN (:a)", ":a", 1));
    assertFalse(test("Pictures.Nowhere.Deeper = :v", ":v", 1));
    assertFalse(test("RelatedItems[7] = :v", ":v", 1));
  }

  @Test
  void aNullItemIsAnItemThatDoesNotExist() {
    ConditionExpression create = ConditionExpression.parse("attribute_not_exists(pk)");
    assertTrue(create.test(null, Placeholders.NONE));
    assertFalse(create.test(Item.builder().string("pk", "a").build(), Placeholders.NONE));
    Placeholders one = Bindings.of(":v", 1);
    assertFalse(ConditionExpression.parse("version = :v").test(null, one));
    assertTrue(ConditionExpression.parse("version <> :v").test(null, one));
    assertFalse(ConditionExpression.parse("attribute_exists(pk)").test(null, Placeholders.NONE));
  }

  @Test
  void equalityIsDeepForDocumentsAndIgnoresSetOrder() {
    assertTrue(test("Color = :v", ":v", stringSet("Black", "Red")));
    assertFalse(test("Color = :v", ":v", stringSet("Red")));
    assertTrue(test("ProductReviews = :v", ":v",
        map(Map.of("FiveStar", list(string("Excellent!"))))));
    assertTrue(test("RelatedItems = :v", ":v", list(number(341), number(472), number(649))));
    assertFalse(test("RelatedItems = :v", ":v", list(number(472), number(341), number(649))));
    assertTrue(test("InStock = :v", ":v", bool(true)));
    assertTrue(test("Discontinued = :v", ":v", nullValue()));
  }

  @Test
  void pathsMayBeComparedWithPaths() {
    assertTrue(test("RelatedItems[0] < RelatedItems[1]"));
    assertTrue(test("RelatedItems[1] BETWEEN RelatedItems[0] AND Price"));
    assertTrue(test("size(Color) = size(Pictures)"));
    assertTrue(test("RelatedItems[2] IN (Price, Id, :x)", ":x", 649));
  }

  @Test
  void inIsEqualityWithAnyListedValueOfAnyType() {
    assertTrue(test("Price IN (:a, :b)", ":a", "dog", ":b", 650));
    assertFalse(test("Price IN (:a, :b)", ":a", "dog", ":b", 651));
    assertTrue(test("Color IN (:a)", ":a", stringSet("Red", "Black")));
  }

  @Test
  void betweenIncludesBothBounds() {
    assertTrue(test("Price BETWEEN :a AND :b", ":a", 650, ":b", 650));
    assertFalse(test("Price BETWEEN :a AND :b", ":a", 651, ":b", 700));
    assertTrue(test("Brand BETWEEN :a AND :b", ":a", "Brand", ":b", "Brand-Company B"));
  }

  @Test
  void containsFindsSubstringsSetMembersAndListElements() {
    assertTrue(test("contains(RelatedItems, :v)", ":v", 472));
    assertFalse(test("contains(RelatedItems, :v)", ":v", "472"));
    assertFalse(test("contains(Color, :v)", ":v", "Re"));
    assertFalse(test("contains(Brand, :v)", ":v", 1));
    assertFalse(test("contains(Price, :v)", ":v", 6));
    Item item = Item.builder().numberSet("n", 1, 2, 3)
        .list("l", List.of(stringSet("a"), list(number(1)))).build();
    assertTrue(ConditionExpression.parse("contains(n, :two)")
        .test(item, Bindings.of(":two", number("2.0"))));
    assertTrue(ConditionExpression.parse("contains(l, :set) AND contains(l, :list)")
        .test(item, Bindings.of(":set", stringSet("a"), ":list", list(number(1)))));
  }

  @Test
  void beginsWithWorksOnStringsAndBinariesOnly() {
    assertTrue(test("begins_with(Brand, :v)", ":v", "Brand-"));
    assertFalse(test("begins_with(Brand, :v)", ":v", "brand"));
    assertFalse(test("begins_with(Price, :v)", ":v", "6"));
    assertFalse(test("begins_with(Nowhere, :v)", ":v", "x"));
    assertTrue(test("begins_with(:v, ProductCategory)", ":v", "Sporting Goods and more"));
  }

  @Test
  void sizeCountsUtf16UnitsBytesMembersElementsAndEntries() {
    Item item = Item.builder().string("s", "\u00e9\uD834\uDD1E").binary("b", new byte[5])
        .numberSet("ns", 1, 2, 3).list("l", List.of(number(1), string("x")))
        .map("m", Map.of("x", number(1))).number("n", 5).build();
    Placeholders p = Bindings.of(":3", 3, ":5", 5, ":2", 2, ":1", 1);
    ConditionExpression sizes = ConditionExpression.parse(
        "size(s) = :3 AND size(b) = :5 AND size(ns) = :3 AND size(l) = :2 AND size(m) = :1");
    assertTrue(sizes.test(item, p));
    ConditionExpression ofNumber = ConditionExpression.parse("size(n) = :1 OR size(n) <> :1");
    assertTrue(ofNumber.test(item, p), "size of a number is absent, so <> holds and = not");
    assertFalse(ConditionExpression.parse("size(n) = :1").test(item, p));
    assertFalse(ConditionExpression.parse("size(s) = :v").test(item, Bindings.of(":v", "3")));
  }

  @Test
  void attributeTypeTellsEachOfTheTenTypes() {
    Map<String, String> typeOfAttribute = Map.ofEntries(
        Map.entry("Id", "N"), Map.entry("Brand", "S"), Map.entry("Thumbnail", "B"),
        Map.entry("InStock", "BOOL"), Map.entry("Discontinued", "NULL"),
        Map.entry("RelatedItems", "L"), Map.entry("Pictures", "M"), Map.entry("Color", "SS"));
    typeOfAttribute.forEach((attribute, type) -> {
      assertTrue(test("attribute_type(" + attribute + ", :t)", ":t", type), attribute);
      assertFalse(test("attribute_type(" + attribute + ", :t)", ":t", "NS"), attribute);
    });
    Item sets = Item.builder().numberSet("ns", 1).binarySet("bs",
        List.of(Bytes.of(new byte[] {1}))).build();
    assertTrue(ConditionExpression.parse("attribute_type(ns, :n) AND attribute_type(bs, :b)")
        .test(sets, Bindings.of(":n", "NS", ":b", "BS")));
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    // a=1, b=2, c=3 as in the precedence tests DynamoDB users rely on
    Item abc = Item.builder().number("a", 1).number("b", 2).number("c", 3).build();
    assertTrue(ConditionExpression.parse("a < b OR c < b AND b < c").test(abc, Placeholders.NONE));
    assertFalse(ConditionExpression.parse("(a < b OR c < b) AND c < b")
        .test(abc, Placeholders.NONE));
    assertFalse(ConditionExpression.parse("NOT a < b AND c < b").test(abc, Placeholders.NONE));
    assertTrue(ConditionExpression.parse("NOT (a < b AND c < b)").test(abc, Placeholders.NONE));
    assertTrue(ConditionExpression.parse("b BETWEEN a AND c AND a < b")
        .test(abc, Placeholders.NONE));
    assertTrue(ConditionExpression.parse("NOT NOT NOT NOT a < b").test(abc, Placeholders.NONE));
    assertTrue(ConditionExpression.parse("(a < b OR b < a) AND (b < c AND (a < b OR b < c))")
        .test(abc, Placeholders.NONE));
  }

  @Test
  void keywordsAreCaseInsensitiveAndFunctionNamesAreNot() {
    Item abc = Item.builder().number("a", 1).number("b", 2).number("c", 3).build();
    assertTrue(ConditionExpression.parse("a < b aNd nOt b < a oR c between a and b")
        .test(abc, Placeholders.NONE));
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ConditionExpression.parse("ATTRIBUTE_EXISTS(a)"));
    assertTrue(e.getMessage().contains("Invalid function name; function: ATTRIBUTE_EXISTS"),
        e.getMessage());
  }

  @Test
  void aConstantOfATypeAnOperatorCannotTakeIsRefusedWhateverTheItem() {
    for (String expression : List.of("Price < :v", ":v >= Price", "Price BETWEEN :v AND :w",
        "attribute_exists(Id) OR Price > :v")) {
      ExpressionException e = assertThrows(ExpressionException.class,
          () -> test(expression, ":v", list(number(1)), ":w", 3), expression);
      assertTrue(e.getMessage().contains("Incorrect operand type"), e.getMessage());
    }
    assertThrows(ExpressionException.class,
        () -> test("begins_with(Brand, :v)", ":v", 2));
    assertThrows(ExpressionException.class, () -> test("size(:v) > Price", ":v", 2));
  }

  @Test
  void betweenRefusesConstantBoundsOutOfOrderOrOfTwoTypes() {
    ExpressionException reversed = assertThrows(ExpressionException.class,
        () -> test("Price BETWEEN :a AND :b", ":a", 2, ":b", 1));
    assertTrue(reversed.getMessage().contains("upper bound to be greater than or equal"),
        reversed.getMessage());
    ExpressionException mixed = assertThrows(ExpressionException.class,
        () -> test("Price BETWEEN :a AND :b", ":a", 2, ":b", "dog"));
    assertTrue(mixed.getMessage().contains("same data type"), mixed.getMessage());
    assertFalse(test("Price BETWEEN RelatedItems[2] AND :b", ":b", 1),
        "bounds read from the item are only false when out of order");
  }

  @Test
  void attributeTypeRefusesAnUnknownTypeName() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> test("attribute_type(Price, :t)", ":t", "DOG"));
    assertTrue(e.getMessage().contains("Invalid attribute type name found; type: DOG"),
        e.getMessage());
    assertThrows(ExpressionException.class, () -> test("attribute_type(Price, :t)", ":t", 1));
  }

  @Test
  void anUndefinedPlaceholderIsNamedEvenOnABranchNotEvaluated() {
    ConditionExpression c = ConditionExpression.parse("attribute_exists(Id) OR #p = :price");
    ExpressionException value = assertThrows(ExpressionException.class,
        () -> c.test(PRODUCT, Bindings.of("#p", "Price")));
    assertTrue(value.getMessage().endsWith("attribute value: :price"), value.getMessage());
    ExpressionException name = assertThrows(ExpressionException.class,
        () -> c.test(PRODUCT, Bindings.of(":price", 1)));
    assertTrue(name.getMessage().endsWith("attribute name: #p"), name.getMessage());
  }

  @Test
  void placeholdersAreBoundAtEvaluationSoOneParseServesManyRequests() {
    ConditionExpression c = ConditionExpression.parse("#a > :v");
    assertEquals(Set.of("#a"), c.namePlaceholders());
    assertEquals(Set.of(":v"), c.valuePlaceholders());
    assertTrue(c.test(PRODUCT, Bindings.of("#a", "Price", ":v", 600)));
    assertFalse(c.test(PRODUCT, Bindings.of("#a", "Price", ":v", 700)));
    assertTrue(c.test(PRODUCT, Bindings.of("#a", "Brand", ":v", "A")));
    Predicate<Item> cheap = c.bind(Bindings.of("#a", "Price", ":v", 100));
    assertTrue(cheap.test(PRODUCT));
    assertFalse(cheap.test(null));
  }

  @Test
  void oneParsedExpressionServesManyThreadsAtOnce() {
    ConditionExpression c = ConditionExpression.parse("n BETWEEN :lo AND :hi AND NOT n = :odd");
    List<Item> items = IntStream.range(0, 20_000)
        .mapToObj(i -> Item.builder().number("n", i % 100).build()).toList();
    Placeholders p = Bindings.of(":lo", 10, ":hi", 20, ":odd", 15);
    List<Boolean> sequential = items.stream().map(i -> c.test(i, p)).toList();
    List<Boolean> parallel = items.parallelStream().map(i -> c.test(i, p)).toList();
    assertEquals(sequential, parallel);
    assertEquals(20_000 / 100 * 10, sequential.stream().filter(b -> b).count());
  }

  @Test
  void aNamePlaceholderIsOneSegmentEvenWhenItsNameHoldsADot() {
    Item item = Item.builder().string("a.b", "flat").map("a", Map.of("b", string("nested")))
        .build();
    assertTrue(ConditionExpression.parse("#ab = :v")
        .test(item, Bindings.of("#ab", "a.b", ":v", "flat")));
    assertTrue(ConditionExpression.parse("a.b = :v").test(item, Bindings.of(":v", "nested")));
    assertTrue(ConditionExpression.parse("#k = :v")
        .test(Item.builder().string("comment", "x").build(), Bindings.of("#k", "comment",
            ":v", "x")));
  }

  @Test
  void numberSetMembershipIsNumeric() {
    Item item = Item.builder().attribute("ns", numberSet(List.of("1.50", "2"))).build();
    assertTrue(ConditionExpression.parse("contains(ns, :v)")
        .test(item, Bindings.of(":v", number("1.5"))));
  }
}
