package dev.weir.table.store;

import dev.weir.table.Item;
import dev.weir.table.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers one page: evaluated items until the limit or 1 MB of them (DynamoDB's page size),
 * and whether one more exists, so the page carries a resume key only when there is more.
 * Owned by the one subscriber that builds the page.
 */
final class PageBuilder {

  static final int MAX_PAGE_BYTES = 1024 * 1024;

  private final int limit;
  private final List<Item> items = new ArrayList<>();
  private int scanned;
  private long bytes;
  private Evaluated last;
  private boolean more;

  PageBuilder(int limit) {
    this.limit = limit;
  }

  /** Takes {@code e}; false when the page was already full, so {@code e} only proves more. */
  boolean add(Evaluated e) {
    if (scanned >= limit || bytes >= MAX_PAGE_BYTES) {
      more = true;
      return false;
    }
    scanned++;
    bytes += e.size();
    last = e;
    if (e.item() != null) {
      items.add(e.item());
    }
    return true;
  }

  Page build() {
    return new Page(items, scanned, more ? last.key() : null);
  }
}
