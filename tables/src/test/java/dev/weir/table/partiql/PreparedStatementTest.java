package dev.weir.table.partiql;

import static dev.weir.table.AttributeValue.number;
import static dev.weir.table.AttributeValue.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.table.AttributeType;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.TableSchema;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PreparedStatementTest {

  private final PartiqlFixture f = new PartiqlFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void oneParseServesManyExecutions() {
    PreparedStatement byKey = f.tables.prepare(
        "SELECT total FROM orders WHERE customer = ? AND id = ?");
    assertEquals(2, byKey.parameterCount());
    for (int id = 1; id <= 10; id++) {
      StepVerifier.create(byKey.execute(string("c1"), number(id)))
          .expectNext(Item.builder().number("total", id * 10 + 1).build())
          .verifyComplete();
    }
    PreparedStatement insert = f.tables.prepare("INSERT INTO users VALUE {'pk': ?, 'n': ?}");
    for (int i = 0; i < 5; i++) {
      insert.execute(string("p" + i), number(i)).blockLast();
    }
    assertEquals(7, f.run("SELECT * FROM users").size());
  }

  @Test
  void aStatementThatDoesNotParseIsRefusedWhenPrepared() {
    PartiqlSyntaxException e = assertThrows(PartiqlSyntaxException.class,
        () -> f.tables.prepare("SELECT * FROM users WHERE pk = ? AND"));
    assertEquals(1, e.line());
    assertEquals(37, e.column());
  }

  @Test
  void theParameterCountIsCheckedAtEachExecution() {
    PreparedStatement p = f.tables.prepare("SELECT * FROM users WHERE pk = ?");
    StepVerifier.create(p.execute()).expectError(ExpressionException.class).verify();
    StepVerifier.create(p.execute(string("u1"), string("u2")))
        .expectError(ExpressionException.class).verify();
    StepVerifier.create(p.execute(List.of(string("u2"))))
        .expectNextMatches(i -> i.getString("name").equals("Bob")).verifyComplete();
  }

  @Test
  void aTableCreatedAgainWithAnotherKeyIsPlannedAnew() {
    PreparedStatement p = f.tables.prepare("SELECT * FROM tmp WHERE a = 'x'");
    f.tables.createTable(TableSchema.builder("tmp").partitionKey("a", AttributeType.S).build())
        .block();
    StepVerifier.create(p.explain()).expectNextMatches(plan -> plan.kind() == Plan.Kind.GET)
        .verifyComplete();
    f.tables.deleteTable("tmp").block();
    f.tables.createTable(TableSchema.builder("tmp").partitionKey("b", AttributeType.S).build())
        .block();
    StepVerifier.create(p.explain()).expectNextMatches(plan -> plan.kind() == Plan.Kind.SCAN)
        .verifyComplete();
  }
}
