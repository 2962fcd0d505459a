package dev.weir.vertx.codec;

import dev.weir.table.Query;
import dev.weir.table.Scan;

/** A query or a scan (the other null) of {@code table}, streamed or as one page. */
public record ReadRequest(String table, Query query, Scan scan) implements WireText {

  @Override
  public void checkText() {
    WireText.check("table", table);
  }
}
