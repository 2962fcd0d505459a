package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.table.AttributeType;
import dev.weir.table.TableSchema;
import dev.weir.testkit.TableConformanceFixture.Settings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A served store's tables sweep TTL only once a table with a TTL attribute exists: binding a
 * store, and using tables without TTL, starts no periodic task on the tables' clock.
 */
class ServedTtlSweepTest {

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
  void theSweepStartsWithTheFirstTableWithATtl() {
    CountingClock clock = new CountingClock();
    try {
      EventBusTableStore tables = served.createTables(new Settings(clock, Duration.ofSeconds(1),
          0));
      tables.createTable(TableSchema.builder("plain").partitionKey("pk", AttributeType.S)
          .build()).block(Nodes.GUARD);
      assertEquals(0, clock.workers.get(), "nothing to sweep, nothing scheduled");
      tables.createTable(TableSchema.builder("sessions").partitionKey("pk", AttributeType.S)
          .ttl("expires").build()).block(Nodes.GUARD);
      assertEquals(1, clock.workers.get(), "the sweep's ticks");
    } finally {
      clock.dispose();
    }
  }

  /** Virtual time counting the workers made on it: Flux.interval makes one for its ticks. */
  private static final class CountingClock implements Scheduler {
    final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    final AtomicInteger workers = new AtomicInteger();

    @Override
    public Disposable schedule(Runnable task) {
      return time.schedule(task);
    }

    @Override
    public long now(TimeUnit unit) {
      return time.now(unit);
    }

    @Override
    public Worker createWorker() {
      workers.incrementAndGet();
      return time.createWorker();
    }

    @Override
    public void dispose() {
      time.dispose();
    }
  }
}
