package dev.weir.vertx.codec;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.partiql.ExecuteOptions;
import java.util.List;
import java.util.Map;

/**
 * A PartiQL statement to run on the served store, one page of it: its text, the values of its
 * {@code ?} parameters (null entries travel as they are, for the store to refuse), and the
 * page's options. The store, not the bus, refuses a bad statement.
 */
public record StatementRequest(String statement, List<AttributeValue> parameters,
    ExecuteOptions options) implements WireText {

  @Override
  public void checkText() {
    WireText.check("statement", statement);
    if (options != null) {
      WireText.check("next token", options.nextToken());
    }
    if (parameters != null) {
      for (AttributeValue p : parameters) {
        TableWire.checkItem("parameter", p == null ? null : Item.of(Map.of("v", p)));
      }
    }
  }
}
