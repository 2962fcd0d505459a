package dev.weir.table.partiql;

import dev.weir.table.Item;
import java.util.List;

/**
 * One page of a statement's results (DynamoDB's ExecuteStatement response): the items a SELECT
 * found on this page (or what a write's RETURNING asked for), and the token to get the next
 * page with, null when there is no more. A page may hold fewer items than the limit, none even,
 * and still have a next token: the limit counts the items evaluated, before the filter.
 * Immutable.
 */
public record StatementPage(List<Item> items, String nextToken) {

  public StatementPage {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return nextToken != null;
  }
}
