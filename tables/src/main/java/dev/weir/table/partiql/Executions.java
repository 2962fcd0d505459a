package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.TableStore;
import java.util.List;
import reactor.core.publisher.Flux;

/** Runs one planned statement on a table store's public API. */
final class Executions {

  private Executions() {}

  static Flux<Item> run(TableStore tables, Planned plan, List<AttributeValue> parameters) {
    String table = plan.statement().target().table();
    if (plan.statement() instanceof ParsedStatement.Select) {
      return Reads.run(tables.table(table), plan, parameters);
    }
    if (plan.kind() == Plan.Kind.CHECK) {
      return Flux.error(new ExpressionException("EXISTS is a condition check of a transaction"
          + " (executeTransaction), not a statement of its own"));
    }
    return WriteCall.of(plan, parameters).run(tables.table(table)).flux();
  }
}
