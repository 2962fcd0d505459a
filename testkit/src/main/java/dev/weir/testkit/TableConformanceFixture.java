package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.EngineConfig;
import dev.weir.engine.ErrorCode;
import dev.weir.engine.WeirException;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Scan;
import dev.weir.table.StreamRecord;
import dev.weir.table.Table;
import dev.weir.table.TableSchema;
import dev.weir.table.TableStore;
import dev.weir.table.TableStoreOptions;
import dev.weir.table.WriteOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * What every table conformance test stands on: a fresh {@link TableStore} on virtual time, and
 * the helpers the tests share. A subclass supplies the store from {@link
 * #newTableStore(Settings)}; nothing here knows how the store is made, so the embedded store and
 * the event-bus client run the same tests.
 *
 * <p>No test sleeps: a {@code Mono} completing is the only ordering used, virtual time moves only
 * when a test moves it, and {@link #HANG_GUARD} only stops a hung test.
 */
public abstract class TableConformanceFixture {

  /**
   * What a test needs of the store under test.
   *
   * @param clock the scheduler whose clock is "now" for TTL and on which the TTL sweep runs
   * @param sweepInterval how often the background TTL sweep runs
   * @param changeLogCapacity how many changes the store keeps for a stream to resume from (0:
   *     the store's default)
   */
  public record Settings(Scheduler clock, Duration sweepInterval, int changeLogCapacity) {

    /** The engine configuration of the store under the tables: its change log, if sized. */
    public EngineConfig engineConfig() {
      EngineConfig.Builder config = EngineConfig.builder();
      if (changeLogCapacity > 0) {
        config.changeLogCapacity(changeLogCapacity)
            .maxBatchOps(Math.min(EngineConfig.DEFAULT_MAX_BATCH_OPS, changeLogCapacity));
      }
      return config.build();
    }

    /** The table store options these settings ask for. */
    public TableStoreOptions tableStoreOptions() {
      return new TableStoreOptions(clock, sweepInterval);
    }
  }

  /** A fresh table store, over a fresh empty store, with {@code settings}. */
  protected abstract TableStore newTableStore(Settings settings);

  /** Releases a table store made by {@link #newTableStore(Settings)} and the store under it. */
  protected abstract void closeTableStore(TableStore tables);

  /** Stops a hung test; asserts nothing about speed. */
  protected static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** Virtual time starts here, in epoch seconds. */
  protected static final long START_SECONDS = 1_800_000_000L;

  protected static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** DynamoDB's largest item: 400 KB of attribute names and values. */
  protected static final int MAX_ITEM_BYTES = 400 * 1024;

  protected final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final List<TableStore> opened = new ArrayList<>();
  protected TableStore tables;

  @BeforeEach
  void openTableStore() {
    time.advanceTimeTo(Instant.ofEpochSecond(START_SECONDS));
    tables = open(new Settings(time, SWEEP_INTERVAL, 0));
  }

  @AfterEach
  void closeTableStores() {
    opened.forEach(this::closeTableStore);
    time.dispose();
  }

  /** Another table store, closed after the test. */
  protected TableStore open(Settings settings) {
    TableStore t = newTableStore(settings);
    opened.add(t);
    return t;
  }

  protected long nowSeconds() {
    return time.now(TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------ tables

  protected Table create(TableSchema schema) {
    tables.createTable(schema).block(HANG_GUARD);
    return tables.table(schema.name());
  }

  /** A table keyed by the string {@code pk} alone. */
  protected Table simpleTable(String name) {
    return create(TableSchema.builder(name).partitionKey("pk", AttributeType.S).build());
  }

  /** A table keyed by the strings {@code pk} and {@code sk}. */
  protected Table compositeTable(String name) {
    return create(TableSchema.builder(name).partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.S).build());
  }

  // ------------------------------------------------------------------ values and items

  protected static AttributeValue s(String value) {
    return AttributeValue.string(value);
  }

  protected static AttributeValue n(long value) {
    return AttributeValue.number(value);
  }

  protected static AttributeValue n(String decimal) {
    return AttributeValue.number(decimal);
  }

  protected static Item key(String pk) {
    return Item.builder().string("pk", pk).build();
  }

  protected static Item key(String pk, String sk) {
    return Item.builder().string("pk", pk).string("sk", sk).build();
  }

  protected static WriteOptions.Builder options() {
    return WriteOptions.builder();
  }

  // ------------------------------------------------------------------ reading

  protected static <T> T one(Mono<T> mono) {
    return mono.block(HANG_GUARD);
  }

  protected static <T> List<T> all(Flux<T> flux) {
    return flux.collectList().block(HANG_GUARD);
  }

  protected static List<Item> scanAll(Table table) {
    return all(table.scan(Scan.all()));
  }

  /** The table's items as a set: a scan's order is the table's business. */
  protected static HashSet<Item> contents(Table table) {
    return new HashSet<>(scanAll(table));
  }

  /**
   * The table's first {@code count} stream records from the start of a fresh store: a resumable
   * stream replays them whenever it is subscribed, so no subscription races a write.
   */
  protected static List<StreamRecord> records(Table table, int count) {
    return all(table.stream(1).take(count));
  }

  // ------------------------------------------------------------------ failures

  /** The error {@code publisher} ends with; fails if it completes. */
  protected static Throwable failure(Publisher<?> publisher) {
    return assertThrows(Throwable.class,
        () -> Flux.from(publisher).then().block(HANG_GUARD), "expected an error");
  }

  /** The error of {@code publisher}, which must be of {@code type} with the code {@code code}. */
  protected static <T extends WeirException> T refused(
      Publisher<?> publisher, Class<T> type, ErrorCode code) {
    Throwable e = failure(publisher);
    T typed = assertInstanceOf(type, e, () -> "expected " + type.getSimpleName() + ", got " + e);
    assertEquals(code, typed.errorCode(), () -> "code of " + e);
    return typed;
  }

  /** DynamoDB's ValidationException: an invalid argument, refused before anything changed. */
  protected static WeirException invalid(Publisher<?> publisher) {
    return refused(publisher, WeirException.class, ErrorCode.INVALID_ARGUMENT);
  }
}
