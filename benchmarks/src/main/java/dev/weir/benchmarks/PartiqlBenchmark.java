package dev.weir.benchmarks;

import dev.weir.reactive.ReactiveStore;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.Query;
import dev.weir.table.Table;
import dev.weir.table.TableStore;
import dev.weir.table.Tables;
import dev.weir.table.partiql.PreparedStatement;
import dev.weir.vertx.ClientOptions;
import dev.weir.vertx.EventBusStore;
import dev.weir.vertx.EventBusTableStore;
import dev.weir.vertx.ServiceOptions;
import dev.weir.vertx.StoreService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * PartiQL and tables over the event bus beside the calls they stand for (issue 15), one thread,
 * each call awaited with {@code block()}: {@code keys} users of {@link TableData} in a plain
 * table ({@code users}, partition key {@code pk}) and in a table of teams of 100 ({@code teams},
 * partition key the team, sort key the user), and the same users as KV records, all in one
 * in-memory store, served on a local Vert.x event bus.
 *
 * <ul>
 *   <li>{@code get_item} / {@code select_key_prepared} / {@code select_key_unprepared}: one
 *       user by {@code getItem}, by the prepared {@code SELECT * FROM users WHERE pk = ?}, and
 *       by a statement with the key as a literal, a new text each call (so parsed each call:
 *       the parse cache holds 1,024 texts of a million);
 *   <li>{@code query_team} / {@code select_team_prepared}: a team's 100 items by {@code
 *       query("pk = :p")} and by the prepared {@code SELECT * FROM teams WHERE pk = ?};
 *   <li>{@code get_item_bus} / {@code get_kv_bus}: one user by the event-bus client's {@code
 *       getItem} and the same content by its KV {@code get}.
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PartiqlBenchmark -f 1 -wi 3 -w 1s -i 5 -r 2s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class PartiqlBenchmark {

  @Param({"200000"})
  public int keys;

  private ReactiveStore store;
  private TableStore tables;
  private Table users;
  private Table teams;
  private PreparedStatement userByKey;
  private PreparedStatement teamByKey;
  private Vertx vertx;
  private ReactiveStore kvBus;
  private EventBusTableStore tablesBus;
  private Table usersBus;
  private int[] order;
  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    JvmFlags.report();
    store = Dataset.newStore("partiql");
    tables = Tables.over(store);
    tables.createTable(TableData.users("users")).block(Dataset.TIMEOUT);
    tables.createTable(TableData.teams("teams")).block(Dataset.TIMEOUT);
    users = tables.table("users");
    teams = tables.table("teams");
    Flux.range(0, keys)
        .flatMap(i -> users.putItem(TableData.user(i, 0))
            .then(teams.putItem(TableData.member(i, 0)))
            .then(store.put(TableData.kvKey(i), TableData.kvValue(i, 0))), Dataset.IN_FLIGHT)
        .blockLast(Dataset.TIMEOUT);
    store.compact().block(Dataset.TIMEOUT);
    Dataset.settle(store);
    userByKey = tables.prepare("SELECT * FROM users WHERE pk = ?");
    teamByKey = tables.prepare("SELECT * FROM teams WHERE pk = ?");
    vertx = Vertx.vertx();
    await(StoreService.bind(vertx, store, "bench", ServiceOptions.defaults()));
    kvBus = EventBusStore.create(vertx, "bench", ClientOptions.defaults());
    tablesBus = EventBusTableStore.create(vertx, "bench");
    usersBus = tablesBus.table("users");
    order = TableData.order(keys);
    check();
  }

  /** Every way of reading a user must read the same item, or the figures compare nothing. */
  private void check() {
    Item a = get_item();
    next = 0;
    Item b = select_key_prepared();
    next = 0;
    Item c = select_key_unprepared();
    next = 0;
    Item d = get_item_bus();
    next = 0;
    List<Item> team = query_team();
    next = 0;
    List<Item> selected = select_team_prepared();
    next = 0;
    if (a == null || !a.equals(b) || !a.equals(c) || !a.equals(d)
        || team.size() != TableData.TEAM_SIZE || !team.equals(selected)) {
      throw new IllegalStateException("the reads disagree: " + List.of(a, b, c, d));
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    kvBus.close().block(Dataset.TIMEOUT);
    tablesBus.close().block(Dataset.TIMEOUT);
    await(vertx.close());
    tables.close().block(Dataset.TIMEOUT);
    store.close().block(Dataset.TIMEOUT);
  }

  private int nextUser() {
    return order[next++ & (TableData.ORDER_SIZE - 1)];
  }

  private int nextTeam() {
    return nextUser() / TableData.TEAM_SIZE;
  }

  // ------------------------------------------------------------------ one item by key

  @Benchmark
  public Item get_item() {
    return users.getItem(TableData.userKey(nextUser())).block(Dataset.TIMEOUT);
  }

  @Benchmark
  public Item select_key_prepared() {
    return userByKey.execute(AttributeValue.string(TableData.userId(nextUser())))
        .blockLast(Dataset.TIMEOUT);
  }

  @Benchmark
  public Item select_key_unprepared() {
    return tables.execute("SELECT * FROM users WHERE pk = '" + TableData.userId(nextUser())
        + "'", List.of()).blockLast(Dataset.TIMEOUT);
  }

  // ------------------------------------------------------------------ a partition of 100

  @Benchmark
  public List<Item> query_team() {
    return teams.query(Query.builder().keyCondition("pk = :p")
            .value(":p", AttributeValue.string(TableData.teamId(nextTeam()))).build())
        .collectList().block(Dataset.TIMEOUT);
  }

  @Benchmark
  public List<Item> select_team_prepared() {
    return teamByKey.execute(AttributeValue.string(TableData.teamId(nextTeam())))
        .collectList().block(Dataset.TIMEOUT);
  }

  // ------------------------------------------------------------------ over the event bus

  @Benchmark
  public Item get_item_bus() {
    return usersBus.getItem(TableData.userKey(nextUser())).block(Dataset.TIMEOUT);
  }

  @Benchmark
  public Object get_kv_bus() {
    return kvBus.get(TableData.kvKey(nextUser())).block(Dataset.TIMEOUT);
  }
}
