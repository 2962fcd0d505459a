package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.table.Table;
import dev.weir.table.TableStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PartiQL runs on the public API of any {@link TableStore}: a recording store in front of the
 * embedded one shows which calls each statement makes, so "a query, never a scan" is checked
 * on what runs, not only on what {@code explain} says.
 */
class ApiCallsTest {

  private final PartiqlFixture f = new PartiqlFixture();
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final TableStore recording = record(TableStore.class, f.tables);

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aSelectByPartitionKeyRunsAsAQueryNeverAScan() {
    run("SELECT * FROM orders WHERE customer = 'c1' AND total > 3");
    run("SELECT id FROM orders.\"by-status\" WHERE status = ? AND placed > '2026'",
        string("open"));
    run("SELECT * FROM orders WHERE customer = 'c1' AND id <> 2");
    run("SELECT * FROM orders WHERE customer IN ['c1', 'c2', 'c1']");
    assertEquals(List.of("query", "query", "query", "query", "query"), calls);
  }

  @Test
  void aSelectByFullKeyRunsAsAGetAndOthersScan() {
    run("SELECT * FROM orders WHERE customer = 'c1' AND id = 3");
    run("SELECT * FROM orders WHERE id = 3");
    run("SELECT * FROM orders WHERE customer = 'c1' OR id = 3");
    assertEquals(List.of("getItem", "scan", "scan"), calls);
  }

  @Test
  void writesRunAsTheirItemOperations() {
    run("INSERT INTO users VALUE {'pk': 'u5'}");
    run("UPDATE users SET a = 1 WHERE pk = 'u5'");
    run("DELETE FROM users WHERE pk = 'u5'");
    recording.executeTransaction(List.of(Statement.of("DELETE FROM users WHERE pk = 'u1'")))
        .block();
    assertEquals(List.of("putItem", "updateItem", "deleteItem", "transactWrite"), calls);
  }

  private void run(String statement, dev.weir.table.AttributeValue... parameters) {
    recording.execute(statement, List.of(parameters)).blockLast();
  }

  private static final List<String> RECORDED = List.of("getItem", "query", "scan", "putItem",
      "updateItem", "deleteItem", "transactWrite", "transactGet", "queryPage", "scanPage");

  @SuppressWarnings("unchecked")
  private <T> T record(Class<T> type, T target) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (RECORDED.contains(method.getName())) {
        calls.add(method.getName());
      }
      Object result = invoke(method, target, args);
      return result instanceof Table t ? record(Table.class, t) : result;
    };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
