package dev.weir.table;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.time.Duration;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A table store over a fresh in-memory store on virtual time: the clock starts at a fixed
 * epoch second and moves only when a test advances it, and the TTL sweep runs only then.
 */
final class TablesFixture implements AutoCloseable {

  static final long START_SECONDS = 1_800_000_000L;

  final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  final ReactiveStore store = Weir.inMemory();
  final TableStore tables;

  TablesFixture() {
    this(Duration.ofSeconds(1));
  }

  TablesFixture(Duration sweepInterval) {
    time.advanceTimeTo(java.time.Instant.ofEpochSecond(START_SECONDS));
    tables = Tables.over(store, new TableStoreOptions(time, sweepInterval));
  }

  long nowSeconds() {
    return time.now(java.util.concurrent.TimeUnit.SECONDS);
  }

  Table create(TableSchema schema) {
    tables.createTable(schema).block();
    return tables.table(schema.name());
  }

  @Override
  public void close() {
    tables.close().block();
    store.close().block();
    time.dispose();
  }

  static Item key(String pk) {
    return Item.builder().string("pk", pk).build();
  }

  static Item key(String pk, String sk) {
    return Item.builder().string("pk", pk).string("sk", sk).build();
  }
}
