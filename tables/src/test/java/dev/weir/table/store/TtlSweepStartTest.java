package dev.weir.table.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.table.AttributeType;
import dev.weir.table.Item;
import dev.weir.table.Scan;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStoreOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The background TTL sweep ticks only once a table with a TTL attribute exists: a table store
 * with none (a served store that holds no such table) schedules nothing on its clock (nothing
 * scheduled directly, no worker made).
 */
class TtlSweepStartTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final CountingClock clock = new CountingClock();
  private final ReactiveStore store = Weir.inMemory();

  @AfterEach
  void close() {
    store.close().block();
    clock.dispose();
  }

  private EmbeddedTableStore open() {
    return new EmbeddedTableStore(store, new TableStoreOptions(clock, SECOND));
  }

  private static TableSchema table(String name, String ttl) {
    TableSchema.Builder b = TableSchema.builder(name).partitionKey("pk", AttributeType.S);
    return (ttl == null ? b : b.ttl(ttl)).build();
  }

  @Test
  void noTableWithATtlSchedulesNothing() {
    EmbeddedTableStore tables = open();
    tables.createTable(table("plain", null)).block();
    tables.table("plain").putItem(Item.builder().string("pk", "a").build()).block();
    clock.advanceTimeBy(Duration.ofSeconds(10));
    assertEquals(0, clock.tasks.get());
    assertFalse(tables.sweeper().ticking());
    tables.close().block();
  }

  @Test
  void creatingATableWithATtlStartsTheSweepWhichThenRemovesExpiredItems() {
    EmbeddedTableStore tables = open();
    tables.createTable(table("plain", null)).block();
    tables.createTable(table("sessions", "expires")).block();
    assertTrue(tables.sweeper().ticking());
    assertEquals(1, clock.tasks.get());
    tables.createTable(table("more", "expires")).block();
    assertEquals(1, clock.tasks.get(), "one sweep for every table");
    long now = clock.now(TimeUnit.SECONDS);
    tables.table("sessions").putItem(Item.builder().string("pk", "s")
        .number("expires", now + 2).build()).block();
    clock.advanceTimeBy(Duration.ofSeconds(4));
    assertEquals(0, tables.describeTable("sessions").block().itemCount(), "swept");
    tables.close().block();
    assertFalse(tables.sweeper().ticking());
  }

  @Test
  void aTtlTableAlreadyInTheStoreOrMadeByAnotherTableStoreStartsItToo() {
    EmbeddedTableStore first = open();
    first.createTable(table("sessions", "expires")).block();
    first.close().block();
    int before = clock.tasks.get();
    EmbeddedTableStore reopened = open(); // a durable store reopened holds such a table
    assertTrue(reopened.sweeper().ticking());
    assertEquals(before + 1, clock.tasks.get());
    reopened.close().block();

    EmbeddedTableStore other = new EmbeddedTableStore(Weir.inMemory(),
        new TableStoreOptions(clock, SECOND));
    EmbeddedTableStore user = new EmbeddedTableStore(other.store(),
        new TableStoreOptions(clock, SECOND));
    other.createTable(table("tokens", "expires")).block();
    assertFalse(user.sweeper().ticking(), "not known here yet");
    assertEquals(0, user.table("tokens").scan(Scan.all()).count().block());
    assertTrue(user.sweeper().ticking(), "the table was read from the catalog");
    user.close().block();
    other.close().block();
    other.store().close().block();
  }

  @Test
  void aStopBeforeTheFirstTtlTableKeepsTheSweepFromStarting() {
    EmbeddedTableStore tables = open();
    tables.close().block();
    tables.sweeper().seen(table("late", "expires"));
    assertFalse(tables.sweeper().ticking());
    assertEquals(0, clock.tasks.get());
  }

  /** Virtual time counting the workers made on it: Flux.interval makes one for its ticks. */
  private static final class CountingClock implements Scheduler {
    final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    final AtomicInteger tasks = new AtomicInteger();

    CountingClock() {
      time.advanceTimeTo(Instant.ofEpochSecond(1_800_000_000L));
    }

    void advanceTimeBy(Duration d) {
      time.advanceTimeBy(d);
    }

    @Override
    public long now(TimeUnit unit) {
      return time.now(unit);
    }

    @Override
    public Disposable schedule(Runnable task) {
      tasks.incrementAndGet();
      return time.schedule(task);
    }

    @Override
    public Worker createWorker() {
      tasks.incrementAndGet();
      return time.createWorker();
    }

    @Override
    public void dispose() {
      time.dispose();
    }
  }
}
