package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * DynamoDB's ExecuteStatement paging: {@code Limit} counts the items evaluated (before the
 * filter), a page stops there, and its {@code NextToken} goes on where it stopped, until the
 * last page, whose token is null. Every paged read gives, page after page, what the unpaged
 * statement gives.
 */
class ExecuteStatementPagingTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aQueryIsReadLimitItemsAPage() {
    List<StatementPage> pages = pages("SELECT * FROM orders WHERE customer = 'c1'", 4);
    assertEquals(List.of(4, 4, 2), sizes(pages));
    assertEquals(f.run("SELECT * FROM orders WHERE customer = 'c1'"), items(pages));
    assertNull(pages.get(2).nextToken());
    assertTrue(pages.get(0).hasMore());
  }

  @Test
  void theLimitCountsItemsEvaluatedBeforeTheFilter() {
    String s = "SELECT id FROM orders WHERE customer = 'c1' AND status = 'open'";
    List<StatementPage> pages = pages(s, 3);
    assertEquals(List.of(1, 2, 1, 1), sizes(pages)); // ids 1-3, 4-6, 7-9, 10
    assertEquals(f.run(s), items(pages));
    assertEquals(5, f.run(s).size());
  }

  @Test
  void aFilterOnAKeyAttributeAndADescendingOrderPageToo() {
    String s = "SELECT * FROM orders WHERE customer = 'c2' AND id <> 3 ORDER BY id DESC";
    List<StatementPage> pages = pages(s, 4);
    assertEquals(List.of(4, 3, 2), sizes(pages)); // 10-7, 6-3 less 3, 2-1
    assertEquals(f.run(s), items(pages));
    assertEquals(10L, pages.get(0).items().get(0).getLong("id"));
  }

  @Test
  void aScanIsPagedAndWithoutALimitIsOnePage() {
    List<StatementPage> pages = pages("SELECT * FROM orders WHERE total > 20", 7);
    assertEquals(5, pages.size()); // 30 items evaluated, 7 a page
    assertEquals(f.run("SELECT * FROM orders WHERE total > 20"), items(pages));
    StatementPage all = f.tables.execute("SELECT * FROM orders", List.of(),
        ExecuteOptions.NONE).block();
    assertEquals(30, all.items().size());
    assertNull(all.nextToken());
  }

  @Test
  void partitionsOfAnInListShareAPageWhileTheLimitLasts() {
    String s = "SELECT * FROM orders WHERE customer IN ['c0', 'c2'] AND id <= 3";
    List<StatementPage> pages = pages(s, 4);
    assertEquals(List.of(4, 2), sizes(pages)); // c0's three and c2's first; c2's other two
    assertEquals(f.run(s), items(pages));
    String byKey = "SELECT * FROM users WHERE pk IN ['u1', 'u2', 'ghost']";
    List<StatementPage> gets = pages(byKey, 2);
    assertEquals(List.of(2, 0), sizes(gets)); // the last page found no item: a page may be empty
    assertEquals(f.run(byKey), items(gets));
  }

  @Test
  void aGetIsOnePageAndAPreparedStatementPagesWithItsParameters() {
    StatementPage one = f.tables.execute("SELECT name FROM users WHERE pk = ?",
        List.of(string("u1")), ExecuteOptions.limit(1)).block();
    assertEquals(new StatementPage(List.of(Item.builder().string("name", "Alice").build()),
        null), one);
    PreparedStatement byCustomer = f.tables.prepare(
        "SELECT id FROM orders WHERE customer = ? AND id > ?");
    List<AttributeValue> params = List.of(string("c0"), AttributeValue.number(6));
    StatementPage first = byCustomer.execute(params, ExecuteOptions.limit(3)).block();
    StatementPage second = byCustomer.execute(params,
        ExecuteOptions.limit(3).withNextToken(first.nextToken())).block();
    assertEquals(List.of(7L, 8L, 9L, 10L), ids(List.of(first, second)));
    assertNull(second.nextToken());
  }

  @Test
  void aWritesPageHoldsWhatItsReturningAsked() {
    StatementPage page = f.tables.execute("UPDATE users SET age = 50 WHERE pk = 'u2'"
        + " RETURNING MODIFIED NEW *", List.of(), ExecuteOptions.limit(1)).block();
    assertEquals(new StatementPage(List.of(Item.builder().number("age", 50).build()), null),
        page);
    assertEquals(new StatementPage(List.of(), null), f.tables.execute(
        "DELETE FROM users WHERE pk = 'u2'", List.of(), ExecuteOptions.NONE).block());
    assertNull(f.user("u2"));
  }

  @Test
  void aBadLimitOrTokenIsRefused() {
    String s = "SELECT * FROM orders WHERE customer = 'c1'";
    String token = f.tables.execute(s, List.of(), ExecuteOptions.limit(2)).block().nextToken();
    refused(s, ExecuteOptions.limit(0), "Limit must be at least 1");
    refused("SELECT * FROM orders WHERE customer = 'c2'",
        ExecuteOptions.NONE.withNextToken(token), "it belongs to another statement");
    refused(s, ExecuteOptions.NONE.withNextToken("not a token!"), "invalid NextToken");
    refused(s, ExecuteOptions.NONE.withNextToken("AQAAAAA"), "invalid NextToken");
    refused(s, ExecuteOptions.NONE.withNextToken(token.substring(0, token.length() - 3)),
        "invalid NextToken");
    String scanToken = f.tables.execute("SELECT * FROM users", List.of(),
        ExecuteOptions.limit(1)).block().nextToken();
    refused("DELETE FROM users WHERE pk = 'u1'", ExecuteOptions.NONE.withNextToken(scanToken),
        "a NextToken goes on with a SELECT");
    assertEquals("Alice", f.user("u1").getString("name"));
  }

  private void refused(String statement, ExecuteOptions options, String message) {
    StepVerifier.create(f.tables.execute(statement, List.of(), options))
        .expectErrorSatisfies(e -> {
          assertEquals(ExpressionException.class, e.getClass(), e.toString());
          assertTrue(e.getMessage().contains(message), e.getMessage());
        })
        .verify();
  }

  /** Every page of {@code statement}, {@code limit} items evaluated a page. */
  private List<StatementPage> pages(String statement, int limit) {
    List<StatementPage> pages = new ArrayList<>();
    ExecuteOptions options = ExecuteOptions.limit(limit);
    do {
      StatementPage page = f.tables.execute(statement, List.of(), options).block();
      pages.add(page);
      options = options.withNextToken(page.nextToken());
      assertTrue(pages.size() < 100, "no end of pages");
    } while (options.nextToken() != null);
    return pages;
  }

  private static List<Integer> sizes(List<StatementPage> pages) {
    return pages.stream().map(p -> p.items().size()).toList();
  }

  private static List<Item> items(List<StatementPage> pages) {
    List<Item> items = new ArrayList<>();
    pages.forEach(p -> items.addAll(p.items()));
    return items;
  }

  private static List<Long> ids(List<StatementPage> pages) {
    return items(pages).stream().map(i -> i.getLong("id")).toList();
  }
}
