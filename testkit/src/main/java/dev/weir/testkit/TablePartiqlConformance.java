package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.ErrorCode;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.CancellationReason;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.Table;
import dev.weir.table.TableNotFoundException;
import dev.weir.table.TableSchema;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.partiql.BatchResult;
import dev.weir.table.partiql.DuplicateItemException;
import dev.weir.table.partiql.ExecuteOptions;
import dev.weir.table.partiql.PartiqlSyntaxException;
import dev.weir.table.partiql.Plan;
import dev.weir.table.partiql.PreparedStatement;
import dev.weir.table.partiql.Statement;
import dev.weir.table.partiql.StatementPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PartiQL section of the tables conformance suite: DynamoDB's PartiQL dialect (the
 * developer guide's "PartiQL - a SQL-compatible query language for Amazon DynamoDB": its
 * SELECT, INSERT, UPDATE, DELETE, functions, transactions, batches and ExecuteStatement's
 * paging) through {@code TableStore.execute}, {@code prepare}, {@code executeTransaction},
 * {@code batchExecute} and {@code explain}, on whatever store a subclass supplies. Statements run
 * both ways a store offers: streamed ({@code execute(statement, parameters)}) and a page at a
 * time ({@code execute(statement, parameters, options)}, which an event-bus client runs on the
 * serving node), so both must agree and keep every error's kind and detail.
 *
 * <p>Tables: {@code music} (partition key {@code Artist}, sort key {@code SongTitle}, a global
 * index {@code by-year} on {@code Year}), filled with three artists of four songs each; {@code
 * users} (partition key {@code pk}).
 */
public abstract class TablePartiqlConformance extends TableConformanceFixture {

  private static final List<String> ARTISTS = List.of("Acme Band", "No One You Know", "Zeta");

  private Table music;

  private static TableSchema musicSchema() {
    return TableSchema.builder("music")
        .partitionKey("Artist", AttributeType.S)
        .sortKey("SongTitle", AttributeType.S)
        .globalIndex("by-year", KeySchema.of(KeyAttribute.number("Year")), Projection.all())
        .build();
  }

  private static Item song(String artist, int i) {
    return Item.builder().string("Artist", artist).string("SongTitle", "Song " + i)
        .number("Year", 2020 + i).number("Plays", 10 * i).stringSet("Awards", "a" + i)
        .list("Reviews", List.of(s("good"))).build();
  }

  @BeforeEach
  void fillTables() {
    music = create(musicSchema());
    simpleTable("users");
    for (String artist : ARTISTS) {
      for (int i = 1; i <= 4; i++) {
        one(music.putItem(song(artist, i)));
      }
    }
  }

  // ------------------------------------------------------------------ running a statement

  /** The statement's items, streamed. */
  private List<Item> run(String statement, AttributeValue... parameters) {
    return all(tables.execute(statement, List.of(parameters)));
  }

  /** The statement's items, every page of at most {@code limit} evaluated, concatenated. */
  private List<Item> paged(String statement, int limit, AttributeValue... parameters) {
    List<Item> items = new ArrayList<>();
    ExecuteOptions options = ExecuteOptions.limit(limit);
    for (int pages = 1; ; pages++) {
      StatementPage page = one(tables.execute(statement, List.of(parameters), options));
      items.addAll(page.items());
      if (!page.hasMore()) {
        return items;
      }
      assertTrue(pages < 1000, "a paged statement must end");
      options = options.withNextToken(page.nextToken());
    }
  }

  /** The statement run both ways (streamed, then as pages): both ways must agree. */
  private List<Item> bothWays(String statement, int limit, AttributeValue... parameters) {
    List<Item> streamed = run(statement, parameters);
    assertEquals(streamed, paged(statement, limit, parameters), statement);
    return streamed;
  }

  private Item songItem(String artist, int i) {
    return one(music.getItem(Item.builder().string("Artist", artist)
        .string("SongTitle", "Song " + i).build()));
  }

  // ------------------------------------------------------------------ SELECT

  @Test
  void aSelectFixingThePartitionKeyIsAQueryInSortKeyOrder() {
    // "If the WHERE clause fixes the partition key, SELECT runs as a query, else as a scan":
    // the guide's advice on avoiding full table scans.
    String q = "SELECT * FROM music WHERE Artist = ? AND SongTitle > 'Song 1'";
    assertEquals(Plan.Kind.QUERY, one(tables.explain(q)).kind());
    assertEquals(List.of(song("Zeta", 2), song("Zeta", 3), song("Zeta", 4)),
        bothWays(q, 2, s("Zeta")));
    assertEquals(List.of(song("Acme Band", 4), song("Acme Band", 3)),
        run("SELECT * FROM music WHERE Artist = 'Acme Band' AND SongTitle >= 'Song 3'"
            + " ORDER BY SongTitle DESC"));
  }

  @Test
  void aSelectByTheFullKeyReadsOneItemProjected() {
    String q = "SELECT SongTitle, \"Year\", Reviews[0] FROM music"
        + " WHERE Artist = 'Acme Band' AND SongTitle = 'Song 2'";
    assertEquals(Plan.Kind.GET, one(tables.explain(q)).kind());
    assertEquals(List.of(Item.builder().string("SongTitle", "Song 2").number("Year", 2022)
        .list("Reviews", List.of(s("good"))).build()), bothWays(q, 1));
    assertEquals(List.of(), run("SELECT * FROM music WHERE Artist = 'Nobody'"
        + " AND SongTitle = 'Song 2'"));
  }

  @Test
  void aSelectWithoutThePartitionKeyScansWithItsFilter() {
    String q = "SELECT Artist, Plays FROM music WHERE Plays >= 30 AND begins_with(Artist, 'N')";
    assertEquals(Plan.Kind.SCAN, one(tables.explain(q)).kind());
    assertEquals(List.of(Item.builder().string("Artist", "No One You Know").number("Plays", 30)
            .build(), Item.builder().string("Artist", "No One You Know").number("Plays", 40)
            .build()), bothWays(q, 5));
    assertEquals(12, paged("SELECT * FROM music", 5).size());
  }

  @Test
  void aSelectOfAnIndexQueriesTheIndex() {
    // FROM table."index": a query of the index when its partition key is fixed.
    String q = "SELECT Artist FROM music.\"by-year\" WHERE \"Year\" = 2023";
    assertEquals(new Plan(Plan.Kind.QUERY, "music", "by-year", "Year = 2023", null),
        one(tables.explain(q)));
    assertEquals(3, bothWays(q, 2).size());
  }

  @Test
  void inOnThePartitionKeyReadsEachPartition() {
    String q = "SELECT SongTitle FROM music WHERE Artist IN ['Zeta', 'Acme Band']"
        + " AND SongTitle BETWEEN 'Song 2' AND 'Song 3'";
    assertEquals(4, bothWays(q, 3).size());
  }

  // ------------------------------------------------------------------ writes

  @Test
  void insertAddsAnItemAndADuplicateKeyIsADuplicateItem() {
    // "If the item already exists, INSERT fails with DuplicateItemException."
    run("INSERT INTO users VALUE {'pk': ?, 'name': 'Ada', 'langs': <<'en', 'fr'>>}", s("u1"));
    assertEquals(Item.builder().string("pk", "u1").string("name", "Ada")
        .stringSet("langs", "en", "fr").build(), one(tables.table("users").getItem(key("u1"))));
    String again = "INSERT INTO users VALUE {'pk': 'u1', 'name': 'Eve'}";
    refused(tables.execute(again, List.of()), DuplicateItemException.class,
        ErrorCode.CONDITION_FAILED);
    refused(tables.execute(again, List.of(), ExecuteOptions.NONE), DuplicateItemException.class,
        ErrorCode.CONDITION_FAILED);
    assertEquals("Ada", one(tables.table("users").getItem(key("u1"))).getString("name"));
  }

  @Test
  void updateSetsRemovesAndUsesItsFunctions() {
    // UPDATE's SET with list_append, set_add and set_delete; REMOVE; RETURNING.
    String where = " WHERE Artist = 'Zeta' AND SongTitle = 'Song 1'";
    List<Item> returned = run("UPDATE music SET Reviews = list_append(Reviews, ['fine'])"
        + " SET Awards = set_add(Awards, <<'b1', 'c1'>>) REMOVE Plays" + where
        + " RETURNING MODIFIED NEW *");
    assertEquals(List.of(Item.builder().list("Reviews", List.of(s("good"), s("fine")))
        .stringSet("Awards", "a1", "b1", "c1").build()), returned);
    assertEquals(List.of(Item.builder().stringSet("Awards", "a1", "b1", "c1").build()),
        one(tables.execute("UPDATE music SET Awards = set_delete(Awards, <<'b1'>>)" + where
            + " RETURNING MODIFIED OLD *", List.of(), ExecuteOptions.NONE)).items());
    Item now = songItem("Zeta", 1);
    assertEquals(AttributeValue.stringSet("a1", "c1"), now.get("Awards"));
    assertNull(now.get("Plays"));
    assertEquals(List.of(now), run("UPDATE music SET Plays = 1" + where + " RETURNING ALL OLD *"));
  }

  @Test
  void updateChangesOnlyAnExistingItemByItsFullKey() {
    // "UPDATE ... the WHERE clause must resolve to a single primary key value"; an item that
    // does not exist fails the condition (PartiQL's UPDATE does not upsert).
    refused(tables.execute("UPDATE music SET Plays = 1 WHERE Artist = 'Zeta'", List.of()),
        ExpressionException.class, ErrorCode.INVALID_ARGUMENT);
    refused(tables.execute("UPDATE music SET Plays = 1 WHERE Artist = 'Zeta'"
        + " AND SongTitle = 'Song 9'", List.of(), ExecuteOptions.NONE),
        ConditionFailedException.class, ErrorCode.CONDITION_FAILED);
    refused(tables.execute("UPDATE music SET Plays = 1 WHERE Artist = 'Zeta'"
        + " AND SongTitle = 'Song 1' AND Plays > 100", List.of()),
        ConditionFailedException.class, ErrorCode.CONDITION_FAILED);
    assertEquals(song("Zeta", 1), songItem("Zeta", 1));
    assertNull(songItem("Zeta", 9));
  }

  @Test
  void deleteReturnsWhatItDeleted() {
    assertEquals(List.of(song("Acme Band", 2)), run("DELETE FROM music WHERE Artist = ?"
        + " AND SongTitle = ? RETURNING ALL OLD *", s("Acme Band"), s("Song 2")));
    assertNull(songItem("Acme Band", 2));
    assertEquals(List.of(), run("DELETE FROM music WHERE Artist = 'Acme Band'"
        + " AND SongTitle = 'Song 2'"));
  }

  // ------------------------------------------------------------------ transactions, batches

  @Test
  void aTransactionWritesAllOrNothingAndChecksWithExists() {
    // ExecuteTransaction: EXISTS "performs the same function as ConditionCheck".
    List<Optional<Item>> done = one(tables.executeTransaction(List.of(
        Statement.of("EXISTS(SELECT * FROM music WHERE Artist = 'Zeta' AND SongTitle = 'Song 1'"
            + " AND Plays = 10)"),
        Statement.of("UPDATE music SET Plays = Plays + 1 WHERE Artist = 'Zeta'"
            + " AND SongTitle = 'Song 2'"),
        Statement.of("INSERT INTO users VALUE {'pk': 'u9'}"))));
    assertEquals(3, done.size());
    assertEquals(21L, songItem("Zeta", 2).getLong("Plays"));
    TransactionCanceledException e = refused(tables.executeTransaction(List.of(
            Statement.of("UPDATE music SET Plays = 0 WHERE Artist = 'Zeta'"
                + " AND SongTitle = 'Song 2'"),
            Statement.of("EXISTS(SELECT * FROM music WHERE Artist = 'Zeta'"
                + " AND SongTitle = 'Song 3' AND Plays > 99)"),
            Statement.of("INSERT INTO users VALUE {'pk': 'u9'}"))),
        TransactionCanceledException.class, ErrorCode.TRANSACTION_CANCELED);
    assertEquals(List.of("None", "ConditionalCheckFailed", "DuplicateItem"),
        e.reasons().stream().map(r -> r.code().wireName()).toList());
    assertEquals(CancellationReason.Code.DUPLICATE_ITEM, e.reasons().get(2).code());
    assertEquals(21L, songItem("Zeta", 2).getLong("Plays"), "nothing written");
  }

  @Test
  void aTransactionOfReadsAndABatchAnswerEachStatement() {
    List<Optional<Item>> read = one(tables.executeTransaction(List.of(
        Statement.of("SELECT Plays FROM music WHERE Artist = 'Zeta' AND SongTitle = ?",
            s("Song 4")),
        Statement.of("SELECT * FROM users WHERE pk = 'nobody'"))));
    assertEquals(List.of(Optional.of(Item.builder().number("Plays", 40).build()),
        Optional.empty()), read);
    List<BatchResult> batch = one(tables.batchExecute(List.of(
        Statement.of("INSERT INTO users VALUE {'pk': 'b1'}"),
        Statement.of("INSERT INTO nowhere VALUE {'pk': 'b2'}"),
        Statement.of("UPDATE music SET Plays = 0 WHERE Artist = 'Zeta' AND SongTitle = 'x'"))));
    assertEquals(false, batch.get(0).failed());
    assertTrue(batch.get(1).error() instanceof TableNotFoundException, batch.toString());
    assertTrue(batch.get(2).error() instanceof ConditionFailedException, batch.toString());
    assertEquals(key("b1"), one(tables.table("users").getItem(key("b1"))));
  }

  // ------------------------------------------------------------------ paging

  @Test
  void aNextTokenGoesOnWhereItsPageStopped() {
    // ExecuteStatement: "Limit: the maximum number of items to evaluate"; NextToken "to get
    // the remaining results".
    String q = "SELECT SongTitle FROM music WHERE Artist = 'No One You Know' AND Plays > 15";
    StatementPage first = one(tables.execute(q, List.of(), ExecuteOptions.limit(2)));
    assertEquals(List.of(Item.builder().string("SongTitle", "Song 2").build()), first.items());
    StatementPage second = one(tables.execute(q, List.of(),
        ExecuteOptions.limit(2).withNextToken(first.nextToken())));
    assertEquals(2, second.items().size());
    assertNull(second.nextToken());
    invalid(tables.execute("SELECT * FROM music WHERE Artist = 'Zeta'", List.of(),
        ExecuteOptions.limit(2).withNextToken(first.nextToken())));
    invalid(tables.execute(q, List.of(), ExecuteOptions.limit(0)));
  }

  // ------------------------------------------------------------------ prepared, errors

  @Test
  void aPreparedStatementRunsWithEachExecutionsParameters() {
    PreparedStatement byArtist = tables.prepare(
        "SELECT SongTitle FROM music WHERE Artist = ? AND SongTitle = ?");
    assertEquals(2, byArtist.parameterCount());
    assertEquals(List.of(Item.builder().string("SongTitle", "Song 3").build()),
        all(byArtist.execute(s("Zeta"), s("Song 3"))));
    assertEquals(1, one(byArtist.execute(List.of(s("Acme Band"), s("Song 1")),
        ExecuteOptions.NONE)).items().size());
    invalid(byArtist.execute(s("Zeta")));
  }

  @Test
  void aSyntaxErrorSaysWhereInBothWays() {
    String bad = "SELECT *\nFROM music\nWHERE Artist = = 'x'";
    PartiqlSyntaxException streamed = refused(tables.execute(bad, List.of()),
        PartiqlSyntaxException.class, ErrorCode.INVALID_ARGUMENT);
    PartiqlSyntaxException page = refused(tables.execute(bad, List.of(), ExecuteOptions.NONE),
        PartiqlSyntaxException.class, ErrorCode.INVALID_ARGUMENT);
    for (PartiqlSyntaxException e : List.of(streamed, page)) {
      assertEquals(List.of(3, 16, "="), List.of(e.line(), e.column(), e.token()));
    }
    assertEquals(streamed.getMessage(), page.getMessage());
    assertEquals(streamed.position(), page.position());
  }

  @Test
  void misusesAreTypedInBothWaysAndChangeNothing() {
    for (String s : List.of("SELECT * FROM nowhere WHERE pk = 'a'",
        "DELETE FROM nowhere WHERE pk = 'a'")) {
      refused(tables.execute(s, List.of()), TableNotFoundException.class,
          ErrorCode.TABLE_NOT_FOUND);
      refused(tables.execute(s, List.of(), ExecuteOptions.NONE), TableNotFoundException.class,
          ErrorCode.TABLE_NOT_FOUND);
    }
    String mismatch = "DELETE FROM music WHERE Artist = 7 AND SongTitle = 'Song 1'";
    refused(tables.execute(mismatch, List.of()), ItemValidationException.class,
        ErrorCode.INVALID_ARGUMENT);
    refused(tables.execute(mismatch, List.of(), ExecuteOptions.NONE),
        ItemValidationException.class, ErrorCode.INVALID_ARGUMENT);
    invalid(tables.execute("INSERT INTO music.\"by-year\" VALUE {'Artist': 'a',"
        + " 'SongTitle': 'b'}", List.of(), ExecuteOptions.NONE));
    invalid(tables.execute("EXISTS(SELECT * FROM users WHERE pk = 'a')", List.of(),
        ExecuteOptions.NONE));
    assertEquals(12, run("SELECT * FROM music").size());
  }
}
