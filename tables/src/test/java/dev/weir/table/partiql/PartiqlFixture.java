package dev.weir.table.partiql;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Table;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import java.util.List;

/**
 * Tables over a fresh in-memory store, with {@link PlannerTest}'s {@code orders} (customers c0
 * to c2, ids 1 to 10, status open for even ids) and {@code users} (u1, u2) filled in.
 */
final class PartiqlFixture implements AutoCloseable {

  final ReactiveStore store = Weir.inMemory();
  final TableStore tables = Tables.over(store);
  final Table orders;
  final Table users;

  PartiqlFixture() {
    tables.createTable(PlannerTest.ORDERS).block();
    tables.createTable(PlannerTest.USERS).block();
    orders = tables.table("orders");
    users = tables.table("users");
    for (int c = 0; c < 3; c++) {
      for (int id = 1; id <= 10; id++) {
        Item.Builder b = Item.builder().string("customer", "c" + c).number("id", id)
            .number("total", id * 10 + c).string("day", "2026-12-0" + (id % 3 + 1))
            .string("placed", "2026-12-" + (10 + id));
        if (id % 2 == 0) {
          b.string("status", "open");
        }
        orders.putItem(b.build()).block();
      }
    }
    users.putItem(Item.fromJson("{\"pk\":{\"S\":\"u1\"},\"name\":{\"S\":\"Alice\"},"
        + "\"age\":{\"N\":\"30\"},\"address\":{\"M\":{\"city\":{\"S\":\"Oslo\"},"
        + "\"zip\":{\"S\":\"0150\"}}},\"tags\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]}}")).block();
    users.putItem(Item.builder().string("pk", "u2").string("name", "Bob").number("age", 41)
        .build()).block();
  }

  List<Item> run(String statement, AttributeValue... parameters) {
    return tables.execute(statement, List.of(parameters)).collectList().block();
  }

  Item user(String pk) {
    return users.getItem(Item.builder().string("pk", pk).build()).block();
  }

  Item order(String customer, int id) {
    return orders.getItem(Item.builder().string("customer", customer).number("id", id).build())
        .block();
  }

  @Override
  public void close() {
    tables.close().block();
    store.close().block();
  }
}
