package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Query;
import dev.weir.table.Scan;
import dev.weir.table.TableSchema;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.partiql.DuplicateItemException;
import dev.weir.table.partiql.ExecuteOptions;
import dev.weir.table.partiql.PartiqlSyntaxException;
import dev.weir.testkit.TableConformanceFixture.Settings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a table error carries beyond its code survives the bus, as a request's failure and as a
 * stream's end: a PartiQL syntax error's line, column, position and token, a duplicate INSERT's
 * own kind, an expression error's position and token in a query or scan that fails mid-stream.
 */
class TableErrorDetailTest {

  private static Vertx vertx;
  private static Served served;
  private static EventBusTableStore tables;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx);
    tables = served.createTables(new Settings(Schedulers.parallel(), Duration.ofHours(1), 0));
    tables.createTable(TableSchema.builder("users").partitionKey("pk", AttributeType.S).build())
        .block(Nodes.GUARD);
  }

  @AfterAll
  static void stop() {
    served.closeAll();
    Nodes.await(vertx.close());
  }

  @Test
  void aPartiqlSyntaxErrorKeepsItsLineColumnAndToken() {
    String statement = "SELECT *\n  FROM users\n  WHERE pk == 'a'";
    // prepare parses here; a page is parsed, planned and run by the served store
    PartiqlSyntaxException local = assertThrows(PartiqlSyntaxException.class,
        () -> tables.prepare(statement));
    Throwable e = error(tables.execute(statement, List.of(), ExecuteOptions.NONE));
    PartiqlSyntaxException sent = (PartiqlSyntaxException) assertKind(local, e);
    assertEquals(List.of(3, 13, "="), List.of(sent.line(), sent.column(), sent.token()));
  }

  @Test
  void aDuplicateInsertIsADuplicateItem() {
    String insert = "INSERT INTO users VALUE {'pk': 'dup'}";
    tables.execute(insert, List.of(), ExecuteOptions.NONE).block(Nodes.GUARD);
    Throwable e = error(tables.execute(insert, List.of(), ExecuteOptions.NONE));
    assertKind(new DuplicateItemException("Duplicate primary key exists in table users"), e);
  }

  @Test
  void aStreamThatFailsKeepsItsErrorsPositionAndToken() {
    ExpressionException local = assertThrows(ExpressionException.class,
        () -> ConditionExpression.parse("age = = :v"));
    Throwable scan = error(tables.table("users").scan(Scan.builder().filter("age = = :v")
        .value(":v", AttributeValue.number(1)).build()).then());
    assertKind(local, scan);
    Throwable query = error(tables.table("users").query(Query.builder()
        .keyCondition("pk = :p").filter("age = = :v")
        .value(":p", AttributeValue.string("a"))
        .value(":v", AttributeValue.number(1)).build()).then());
    assertKind(local, query);
  }

  private static ExpressionException assertKind(Exception local, Throwable got) {
    assertSame(local.getClass(), got.getClass(), String.valueOf(got));
    assertEquals(local.getMessage(), got.getMessage());
    if (local instanceof ExpressionException x) {
      ExpressionException g = (ExpressionException) got;
      assertEquals(x.position(), g.position());
      assertEquals(x.token(), g.token());
      if (x instanceof PartiqlSyntaxException p) {
        assertEquals(p.line(), ((PartiqlSyntaxException) g).line());
        assertEquals(p.column(), ((PartiqlSyntaxException) g).column());
      }
      return g;
    }
    return null;
  }

  private static Throwable error(Mono<?> call) {
    return call.materialize().block(Nodes.GUARD).getThrowable();
  }
}
