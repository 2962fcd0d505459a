package dev.weir.table.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.ReturnValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

  @Test
  void selectReadsProjectionTargetAndWhere() {
    ParsedStatement.Select s = (ParsedStatement.Select) Parser.parse(
        "select name, address.city, tags[0], \"from\" from \"my-table\".\"by-x\" "
            + "where a = 'it''s' and (b <> 1.5 or not c >= -2e3)");
    assertEquals("[name, address.city, tags[0], from]", s.projection().toString());
    assertEquals(new ParsedStatement.TableRef("my-table", "by-x"), s.target());
    assertEquals("a = 'it''s' AND (b <> 1.5 OR NOT (c >= -2000))", s.where().toString());
    assertEquals(0, s.parameterCount());
  }

  @Test
  void orderByTakesAPathAndADirection() {
    ParsedStatement.Select s = (ParsedStatement.Select) Parser.parse(
        "SELECT * FROM t WHERE pk = ? ORDER BY sk DESC");
    assertEquals("sk", s.orderBy().toString());
    assertEquals(true, s.descending());
    s = (ParsedStatement.Select) Parser.parse("SELECT * FROM t ORDER BY sk asc");
    assertEquals(false, s.descending());
    assertThrows(PartiqlSyntaxException.class,
        () -> Parser.parse("SELECT * FROM t ORDER sk"));
  }

  @Test
  void everyPredicateForm() {
    String[][] cases = {
        {"a IN [1, 2]", "a IN [1, 2]"},
        {"a IN ('x', ?)", "a IN ['x', ?]"},
        {"a NOT IN [1]", "NOT (a IN [1])"},
        {"a BETWEEN ? AND 9", "a BETWEEN ? AND 9"},
        {"a NOT BETWEEN 1 AND 2", "NOT (a BETWEEN 1 AND 2)"},
        {"begins_with(a.b[2].c, 'x')", "begins_with(a.b[2].c, 'x')"},
        {"attribute_exists(a)", "attribute_exists(a)"},
        {"a IS MISSING", "a IS MISSING"},
        {"a.b is not missing", "a.b IS NOT MISSING"},
        {"a IS NULL AND b IS NOT NULL", "a IS NULL AND b IS NOT NULL"},
        {"size(a) > 3", "size(a) > 3"},
        {"a != b", "a <> b"},
        {"a = true OR b = false OR c = null", "((a = true OR b = false) OR c = null)"},
        {"a = [1, 'x', [true]]", "a = [1, 'x', [true]]"},
        {"a = {'k': 1, 'm': {'n': ?}}", "a = {'k': 1, 'm': {'n': ?}}"},
        {"a = <<'x', 'y'>>", "a = <<'x', 'y'>>"},
        {"((a = 1))", "a = 1"},
    };
    for (String[] c : cases) {
      Expr where = ((ParsedStatement.Select) Parser.parse("SELECT * FROM t WHERE " + c[0]))
          .where();
      assertEquals(c[1], where.toString(), c[0]);
    }
  }

  @Test
  void parametersAreCountedInOrder() {
    ParsedStatement.Update u = (ParsedStatement.Update) Parser.parse(
        "UPDATE t SET a = ?, b = b + ? SET c = list_append(c, [?]) REMOVE d, e[1] "
            + "WHERE pk = ? AND sk = ?;");
    assertEquals(5, u.parameterCount());
    assertEquals("[Assignment[path=a, value=?], Assignment[path=b, value=b + ?], "
        + "Assignment[path=c, value=list_append(c, [?])]]", u.assignments().toString());
    assertEquals("[d, e[1]]", u.removals().toString());
    assertEquals(new Expr.Parameter(4),
        ((Expr.Comparison) ((Expr.And) u.where()).right()).right());
  }

  @Test
  void insertTakesAMapValueAndDeleteAWhere() {
    ParsedStatement.Insert i = (ParsedStatement.Insert) Parser.parse(
        "INSERT INTO users VALUE {'pk': 'u1', 'n': 1, 'tags': <<'a'>>, 'p': ?}");
    assertEquals("{'pk': 'u1', 'n': 1, 'tags': <<'a'>>, 'p': ?}", i.value().toString());
    assertEquals(1, i.parameterCount());
    ParsedStatement.Delete d = (ParsedStatement.Delete) Parser.parse(
        "-- a comment\ndelete from users where pk = 'u1'");
    assertEquals("pk = 'u1'", d.where().toString());
  }

  @Test
  void returningNamesWhatAWriteReturns() {
    Object[][] cases = {
        {"UPDATE t SET a = 1 WHERE pk = 'x'", ReturnValues.NONE},
        {"UPDATE t SET a = 1 WHERE pk = 'x' RETURNING ALL OLD *", ReturnValues.ALL_OLD},
        {"UPDATE t SET a = 1 WHERE pk = 'x' returning modified old *", ReturnValues.UPDATED_OLD},
        {"UPDATE t SET a = 1 WHERE pk = 'x' RETURNING ALL NEW *;", ReturnValues.ALL_NEW},
        {"UPDATE t SET a = 1 WHERE pk = 'x' RETURNING MODIFIED NEW *", ReturnValues.UPDATED_NEW},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], ((ParsedStatement.Update) Parser.parse((String) c[0])).returning(),
          (String) c[0]);
    }
    assertEquals(ReturnValues.ALL_OLD, ((ParsedStatement.Delete) Parser.parse(
        "DELETE FROM t WHERE pk = 'x' RETURNING ALL OLD *")).returning());
    assertEquals(ReturnValues.NONE, ((ParsedStatement.Delete) Parser.parse(
        "DELETE FROM t WHERE pk = 'x' AND old = new")).returning(), "old and new are names");
  }

  @Test
  void existsWrapsOneSelect() {
    ParsedStatement.Exists e = (ParsedStatement.Exists) Parser.parse(
        "EXISTS (SELECT * FROM \"Music\" WHERE \"Artist\" = ? AND SongTitle = 'x' AND n > ?)");
    assertEquals("Music", e.target().table());
    assertEquals(2, e.parameterCount());
    assertEquals("Artist = ? AND SongTitle = 'x' AND n > ?", e.select().where().toString());
  }

  @Test
  void literalsBecomeAttributeValues() {
    Expr.Comparison c = (Expr.Comparison) ((ParsedStatement.Select) Parser.parse(
        "SELECT * FROM t WHERE a = -12.50")).where();
    assertEquals(new Expr.Literal(AttributeValue.number("-12.5")), c.right());
  }

  @Test
  void eachSyntaxErrorNamesLineColumnAndToken() {
    Object[][] cases = {
        // statement, line, column, token
        {"SELEC * FROM t", 1, 1, "SELEC"},
        {"SELECT * FORM t", 1, 10, "FORM"},
        {"SELECT * FROM t\nWHERE a = ", 2, 11, ""},
        {"SELECT * FROM t\n  WHERE a == 1", 2, 12, "="},
        {"SELECT * FROM t WHERE a = 'open", 1, 27, "'open"},
        {"SELECT * FROM t WHERE a = 1 AND", 1, 32, ""},
        {"SELECT * FROM t WHERE a", 1, 24, ""},
        {"SELECT * FROM t WHERE a = 1 extra", 1, 29, "extra"},
        {"SELECT * FROM t WHERE a = #x", 1, 27, "#"},
        {"SELECT * FROM t WHERE a = 12abc", 1, 27, "12abc"},
        {"SELECT * FROM t WHERE a IN [1, 2", 1, 33, ""},
        {"INSERT INTO t VALUES {'a': 1}", 1, 15, "VALUES"},
        {"INSERT INTO t VALUE 'x'", 1, 21, "'x'"},
        {"INSERT INTO t VALUE {'a': 1, 'a': 2}", 1, 30, "'a'"},
        {"UPDATE t WHERE pk = 1", 1, 10, "WHERE"},
        {"UPDATE t SET a = 1", 1, 19, ""},
        {"DELETE FROM t", 1, 14, ""},
        {"SELECT * FROM t WHERE a = <<>>", 1, 27, "<<"},
        {"UPDATE t SET a = 1 WHERE pk = 1 RETURNING OLD *", 1, 43, "OLD"},
        {"UPDATE t SET a = 1 WHERE pk = 1 RETURNING ALL NEWER *", 1, 47, "NEWER"},
        {"UPDATE t SET a = 1 WHERE pk = 1 RETURNING ALL NEW", 1, 50, ""},
        {"DELETE FROM t WHERE pk = 1 RETURNING ALL NEW *", 1, 42, "NEW"},
        {"DELETE FROM t WHERE pk = 1 RETURNING MODIFIED OLD *", 1, 38, "MODIFIED"},
        {"EXISTS SELECT * FROM t WHERE pk = 1", 1, 8, "SELECT"},
        {"EXISTS(DELETE FROM t WHERE pk = 1)", 1, 8, "DELETE"},
        {"EXISTS(SELECT * FROM t WHERE pk = 1", 1, 36, ""},
        {"", 1, 1, ""},
    };
    for (Object[] c : cases) {
      String statement = (String) c[0];
      PartiqlSyntaxException e = assertThrows(PartiqlSyntaxException.class,
          () -> Parser.parse(statement), statement);
      assertEquals(List.of(c[1], c[2], c[3]), List.of(e.line(), e.column(), e.token()),
          statement + ": " + e.getMessage());
      assertInstanceOf(ExpressionException.class, e);
    }
  }

  @Test
  void theMessageSaysWhereInWords() {
    PartiqlSyntaxException e = assertThrows(PartiqlSyntaxException.class,
        () -> Parser.parse("SELECT * FROM t\nWHERE a = 1 OR OR"));
    assertEquals("Statement wasn't well formed: expected a name (a keyword as a name needs"
        + " \"quotes\") at line 2, column 16 at position 31, near \"OR\"", e.getMessage());
    assertEquals(31, e.position());
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "SELECT * FROM t WHERE " + "(".repeat(200) + "a = 1" + ")".repeat(200);
    PartiqlSyntaxException e = assertThrows(PartiqlSyntaxException.class,
        () -> Parser.parse(deep));
    assertEquals(true, e.getMessage().contains("nesting deeper than 100"));
  }
}
