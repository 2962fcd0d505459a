package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables and PartiQL at the shell's prompt: table commands, statements, formats, completion. */
class TablesShellTest {

  private static final String USERS = """
      table create users pk:S gsi by-email email:S ttl expires
      INSERT INTO users VALUE {'pk': 'user#1', 'name': 'Alice', 'email': 'a@x.org', 'age': 30};
      INSERT INTO users VALUE {'pk': 'user#2', 'name': 'Bob',
                               'email': 'b@x.org', 'tags': <<'x', 'y'>>};
      """;

  @Test
  void aStatementGoesOnOverLinesUntilItsSemicolon() {
    Run run = ShellDriver.script(USERS + """
        SELECT name, age
          FROM users
          WHERE pk = 'user#1';
        """);
    assertEquals(new Run(0, """
        created table users
        OK
        OK
        +-------+-----+
        | name  | age |
        +-------+-----+
        | Alice |  30 |
        +-------+-----+
        1 item
        """, ""), run);
  }

  @Test
  void theContinuationPromptShowsTheShellWaitsForTheSemicolon() {
    Deque<String> lines = new ArrayDeque<>(List.of(
        "table create tbl pk:S", "SELECT *", "FROM tbl", "WHERE pk = 'a'", ";", "put k v"));
    List<String> prompts = new ArrayList<>();
    StringWriter out = new StringWriter();
    try (ShellDriver.Lines driver = new ShellDriver.Lines()) {
      Shell shell = new Shell(driver.session, CommandTable.standard(), new PrintWriter(out),
          new PrintWriter(new StringWriter()));
      shell.run(prompt -> {
        prompts.add(prompt);
        return lines.poll();
      }, true, false);
    }
    assertEquals(List.of("weir> ", "weir> ", " ...> ", " ...> ", " ...> ", "weir> ", "weir> "),
        prompts);
    assertTrue(out.toString().contains("\n0 items\nOK\n"), out.toString());
  }

  @Test
  void itemsShowInEachFormat() {
    Run run = ShellDriver.script(USERS + """
        SELECT * FROM users;
        .format compact
        SELECT * FROM users WHERE pk = 'user#2';
        .format json
        SELECT name FROM users."by-email" WHERE email = 'a@x.org';
        SELECT * FROM users WHERE pk = 'nobody';
        """);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("""
        created table users
        OK
        OK
        +--------+-------+---------+-----+--------------+
        | pk     | name  | email   | age | tags         |
        +--------+-------+---------+-----+--------------+
        | user#1 | Alice | a@x.org |  30 |              |
        | user#2 | Bob   | b@x.org |     | <<'x', 'y'>> |
        +--------+-------+---------+-----+--------------+
        2 items
        format compact
        {'pk': 'user#2', 'name': 'Bob', 'email': 'b@x.org', 'tags': <<'x', 'y'>>}
        {"ok":true,"message":"format json"}
        [{"name":{"S":"Alice"}}]
        []
        """, run.out());
  }

  @Test
  void aWriteWithReturningShowsWhatItReturned() {
    Run run = ShellDriver.script(USERS + """
        UPDATE users SET age = 31 WHERE pk = 'user#1' RETURNING MODIFIED NEW *;
        .format compact
        DELETE FROM users WHERE pk = 'user#2' RETURNING ALL OLD *;
        DELETE FROM users WHERE pk = 'user#2' RETURNING ALL OLD *;
        """);
    assertEquals(new Run(0, """
        created table users
        OK
        OK
        +-----+
        | age |
        +-----+
        |  31 |
        +-----+
        1 item
        format compact
        {'pk': 'user#2', 'name': 'Bob', 'email': 'b@x.org', 'tags': <<'x', 'y'>>}
        OK
        """, ""), run);
  }

  @Test
  void tablesAreCreatedDescribedListedAndDropped() {
    Run run = ShellDriver.script("""
        table create orders customer:S id:N gsi by-status status:S id:N lsi by-total total:N ttl expires
        INSERT INTO orders VALUE {'customer': 'ada', 'id': 1, 'status': 'open', 'total': 3};
        table describe orders
        table list
        table drop orders
        table list
        """);
    assertEquals(new Run(0, """
        created table orders
        OK
        table          orders
        key            customer:S id:N
        lsi by-total   customer:S total:N, 1 items
        gsi by-status  status:S id:N, 1 items
        ttl            expires
        items          1
        bytes          32
        +--------+
        | table  |
        +--------+
        | orders |
        +--------+
        1 table
        dropped table orders
        0 tables
        """, ""), run);
  }

  @Test
  void mistakesAreOneLineErrorsNeverAStackTrace() {
    Run run = ShellDriver.script("""
        table create tbl pk:X
        table create tbl pk:S gsi
        table frobnicate
        table create tbl pk:S
        table create tbl pk:S
        SELECT * FORM tbl;
        SELECT * FROM nothing;
        INSERT INTO tbl VALUE {'pk': 'a'};
        INSERT INTO tbl VALUE {'pk': 'a'};
        UPDATE tbl SET x = 1 WHERE name = 'a';
        INSERT INTO tbl VALUE {'pk': 1};
        table describe nothing
        batch
        SELECT * FROM tbl;
        abort
        """, "--keep-going");
    assertEquals(Shell.FAILED, run.exitCode());
    assertEquals("""
        error: line 1: bad key 'pk:X': write name:TYPE, TYPE one of S (string), N (number), B (binary)
        error: line 2: unexpected 'gsi'; usage: table create <name> <pk:TYPE> [<sk:TYPE>] [gsi <index> <pk:TYPE> [<sk:TYPE>]]... [lsi <index> <sk:TYPE>]... [ttl <attribute>]
        error: line 3: unknown table command 'frobnicate' (use create, describe, list or drop)
        """, run.err().lines().limit(3).map(l -> l + "\n").reduce("", String::concat));
    List<String> errors = run.err().lines().toList();
    assertTrue(errors.stream().allMatch(l -> l.startsWith("error: line ")), run.err());
    assertTrue(errors.stream().anyMatch(l -> l.startsWith("error: line 6: invalid argument:"
        + " Statement wasn't well formed: ") && l.contains("line 1, column 10")
        && l.contains("\"FORM\"")), run.err());
    assertTrue(errors.stream().anyMatch(l -> l.startsWith("error: line 7: table not found")), run.err());
    assertTrue(errors.stream().anyMatch(l -> l.startsWith("error: line 9: condition failed")),
        run.err());
    assertTrue(errors.contains("error: line 14: PartiQL statements cannot run inside a batch:"
        + " end or abort it first (a transaction of statements is not offered here)"), run.err());
    assertTrue(run.err().lines().noneMatch(l -> l.contains("\tat ")), run.err());
  }

  @Test
  void completionOffersTablesThenTheirAttributes() {
    try (ShellDriver.Lines shell = new ShellDriver.Lines()) {
      shell.run("table create users pk:S gsi by-email email:S ttl expires");
      shell.run("table create orders customer:S id:N");
      shell.run("INSERT INTO users VALUE {'pk': 'u1', 'name': 'Ann'};");
      CommandCompleter completer = new CommandCompleter(CommandTable.standard(), shell.session);
      assertTrue(completer.candidates(List.of(""), 0).containsAll(
          List.of("table", "SELECT", "INSERT", "UPDATE", "DELETE", "EXPLAIN")));
      assertEquals(TableCommands.SUBCOMMANDS, completer.candidates(List.of("table", ""), 1));
      assertEquals(List.of("orders", "users"),
          completer.candidates(List.of("table", "describe", ""), 2));
      assertEquals(List.of("orders", "users"),
          completer.candidates(List.of("select", "*", "from", ""), 3));
      assertEquals(List.of("email", "expires", "pk"),
          completer.candidates(List.of("SELECT", "*", "FROM", "users", "WHERE", ""), 5));
      shell.run("SELECT * FROM users;");
      assertEquals(List.of("email", "expires", "name", "pk"),
          completer.candidates(List.of("SELECT", "*", "FROM", "users", "WHERE", ""), 5));
      assertEquals(List.of("customer", "id"),
          completer.candidates(List.of("UPDATE", "orders", "SET", ""), 3));
      shell.run("table drop orders");
      assertEquals(List.of("users"), completer.candidates(List.of("DELETE", "FROM", ""), 2));
    }
  }

  @Test
  void completionListsTheTablesOnceWhenNothingTaughtItYet() {
    try (ShellDriver.Lines shell = new ShellDriver.Lines()) {
      shell.run("table create users pk:S");
      CommandCompleter fresh = new CommandCompleter(CommandTable.standard(),
          new Session(shell.store, shell.objects, "other"));
      assertEquals(List.of("users"), fresh.candidates(List.of("SELECT", "*", "FROM", ""), 3));
    }
  }

  @Test
  void explainTellsGetQueryOrScan() {
    try (ShellDriver.Lines shell = new ShellDriver.Lines()) {
      shell.run("table create orders customer:S id:N gsi by-status status:S");
      assertEquals("GET orders KEY customer = 'a' AND id = 1\n",
          shell.run("EXPLAIN SELECT * FROM orders WHERE customer = 'a' AND id = 1;"));
      assertEquals("QUERY orders.\"by-status\" KEY status = 'open'\n",
          shell.run("explain select * from orders.\"by-status\" where status = 'open'"));
      assertEquals("SCAN orders FILTER total > 2\n",
          shell.run("EXPLAIN SELECT * FROM orders WHERE total > 2;"));
    }
  }

  @Test
  void aSemicolonInsideQuotesDoesNotEndAStatement() {
    assertTrue(Statements.complete("SELECT * FROM t WHERE a = 'x;y';"));
    assertEquals(false, Statements.complete("SELECT * FROM t WHERE a = 'x;"));
    assertEquals(false, Statements.complete("SELECT * FROM \"a;b\""));
    assertEquals(false, Statements.complete("SELECT * FROM t WHERE a = 'it''s;'"));
    assertTrue(Statements.starts("  select *"));
    assertEquals(false, Statements.starts("selection"));
    assertEquals("users", Statements.table("SELECT * FROM users WHERE pk = 1"));
    assertEquals("orders", Statements.table("select * from \"orders\".\"by-status\""));
  }
}
