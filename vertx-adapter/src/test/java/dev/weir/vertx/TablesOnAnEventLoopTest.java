package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.Query;
import dev.weir.table.ReturnValues;
import dev.weir.table.Scan;
import dev.weir.table.StreamView;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.WriteOptions;
import dev.weir.testkit.TableConformanceFixture.Settings;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Table calls made from a Vert.x event loop, as a verticle makes them: BlockHound (active in
 * this JVM, see {@link BlockHoundCanaryTest}) fails any of them that blocks, on the client's
 * event loop or the service's, and every answer arrives on the caller's own context.
 */
class TablesOnAnEventLoopTest {

  private static Vertx vertx;
  private static Served served;

  @BeforeAll
  static void start() {
    vertx = Nodes.local();
    served = new Served(vertx);
  }

  @AfterAll
  static void stop() {
    served.closeAll();
    Nodes.await(vertx.close());
  }

  @Test
  void everyKindOfTableCallFromAnEventLoopCompletesThereWithoutBlocking() {
    EventBusTableStore tables =
        served.createTables(new Settings(Schedulers.parallel(), Duration.ofHours(1), 0));
    Context caller = vertx.getOrCreateContext();
    ConcurrentLinkedQueue<String> elsewhere = new ConcurrentLinkedQueue<>();
    Promise<List<Object>> done = Promise.promise();
    caller.runOnContext(v -> {
      Table t = tables.table("users");
      Item alice = Item.builder().string("pk", "u1").string("name", "Alice").number("age", 30)
          .build();
      Query byKey = Query.builder().keyCondition("pk = :p")
          .value(":p", AttributeValue.string("u1")).build();
      Flux.concat(
              tables.createTable(TableSchema.builder("users").partitionKey("pk", AttributeType.S)
                  .stream(StreamView.NEW_IMAGE).build()),
              t.putItem(alice),
              t.updateItem(Item.builder().string("pk", "u1").build(), "SET age = age + :one",
                  WriteOptions.builder().value(":one", AttributeValue.number(1))
                      .returnValues(ReturnValues.UPDATED_NEW).build()),
              t.getItem(Item.builder().string("pk", "u1").build()),
              t.query(byKey),
              t.queryPage(byKey),
              t.scan(Scan.all()),
              t.scanPage(Scan.all()),
              tables.batchGet(List.of(KeyRef.of("users", Item.builder().string("pk", "u1")
                  .build()))),
              tables.listTables(),
              t.stream(1).take(2),
              t.describe(),
              t.putItem(alice, WriteOptions.builder().condition("attribute_not_exists(pk)")
                      .build())
                  .cast(Object.class)
                  .onErrorResume(ConditionFailedException.class,
                      e -> Mono.just("condition failed")))
          .doOnEach(signal -> {
            if (Vertx.currentContext() != caller) {
              elsewhere.add(signal + " on " + Thread.currentThread().getName());
            }
          })
          .collectList()
          .subscribe(done::complete, done::fail);
    });
    List<Object> results = Nodes.await(done.future());
    assertEquals(List.of(), List.copyOf(elsewhere), "signals off the caller's context");
    assertEquals(13, results.size(), results.toString());
    assertTrue(results.contains("users"), results.toString());
    assertEquals("condition failed", results.get(results.size() - 1));
  }
}
