package dev.weir.cli;

import dev.weir.table.Item;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;

/**
 * PartiQL typed at the prompt: a line whose first word is {@code SELECT}, {@code INSERT},
 * {@code UPDATE}, {@code DELETE} or {@code EXPLAIN} (any case) starts a statement, which runs on
 * the session's {@link dev.weir.table.TableStore} ({@code execute}, {@code explain}) once a
 * line ends it with {@code ;}. No command has those names, so the first word decides. A
 * statement is text to the table store, not words to the shell's tokenizer: its quotes and
 * {@code #} mean what PartiQL says.
 */
final class Statements {

  /** The first words of a statement; {@code .help} lists them. */
  static final List<String> KEYWORDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXPLAIN");

  private static final Set<String> STARTS = Set.copyOf(KEYWORDS);
  private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)(?:\\s|$)");
  // The table a SELECT reads, for completion's list of attributes seen: "FROM users" or
  // FROM "users"."index".
  private static final Pattern FROM =
      Pattern.compile("(?i)\\bFROM\\s+\"?([A-Za-z0-9_.-]+?)\"?(?:\\.\"|\\s|;|$)");

  private Statements() {}

  /** Whether {@code line} starts a PartiQL statement. */
  static boolean starts(String line) {
    Matcher m = FIRST_WORD.matcher(line);
    return m.find() && STARTS.contains(m.group(1).toUpperCase(Locale.ROOT));
  }

  /**
   * Whether {@code text} is a whole statement: it ends with {@code ;} outside quotes ({@code
   * 'a;b'} and {@code "a;b"} do not end one).
   */
  static boolean complete(CharSequence text) {
    char quote = 0;
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote; // '' inside a string closes and reopens it: same state
        last = c;
      } else if (c == '\'' || c == '"') {
        quote = c;
        last = c;
      } else if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return quote == 0 && last == ';';
  }

  /**
   * Runs one statement: a {@code SELECT}'s items stream to the printer (their attribute names
   * learned for completion), a write answers {@code OK} or shows what its {@code RETURNING}
   * returned, {@code EXPLAIN} the plan in one line
   * ({@code QUERY users KEY pk = 'user#1'}).
   */
  static Result run(Session session, String statement) {
    if (session.inBatch()) {
      throw new ShellException("PartiQL statements cannot run inside a batch: end or abort it"
          + " first (a transaction of statements is not offered here)");
    }
    String text = statement.strip();
    String keyword = keyword(text);
    if (keyword.equals("EXPLAIN")) {
      String explained = text.substring(keyword.length()).strip();
      return Result.ok(Await.value(session.tables().explain(explained)).toString());
    }
    Flux<Item> items = session.tables().execute(text, List.of());
    if (!keyword.equals("SELECT")) {
      // a write with RETURNING emits the item it asked for: shown as a SELECT's would be
      List<Item> returned = Await.value(items.collectList());
      return returned.isEmpty() ? Result.ok() : new Result.Items(Flux.fromIterable(returned));
    }
    String table = table(text);
    return new Result.Items(items.doOnNext(item -> session.hints().seen(table, item)));
  }

  private static String keyword(String text) {
    Matcher m = FIRST_WORD.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("not a statement: " + text);
    }
    return m.group(1).toUpperCase(Locale.ROOT);
  }

  /** The table a SELECT names, or null when the pattern cannot tell. */
  static String table(String select) {
    Matcher m = FROM.matcher(select);
    return m.find() ? m.group(1) : null;
  }
}
