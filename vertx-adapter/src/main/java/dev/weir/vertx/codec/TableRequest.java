package dev.weir.vertx.codec;

/**
 * A request about one table as a whole (describe, delete, sweep, its stream from {@code
 * sequence}), or about none ({@code table} null: list the tables). The store, not the bus,
 * refuses a bad name.
 */
public record TableRequest(String table, long sequence) implements WireText {

  public static TableRequest of(String table) {
    return new TableRequest(table, 0);
  }

  @Override
  public void checkText() {
    WireText.check("table", table);
  }
}
