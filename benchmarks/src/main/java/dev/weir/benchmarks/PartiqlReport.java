package dev.weir.benchmarks;

import dev.weir.benchmarks.Compare.Score;
import dev.weir.benchmarks.Compare.Scores;
import dev.weir.benchmarks.Compare.Targets;
import dev.weir.benchmarks.Compare.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PartiQL part of the comparison (issue 15, {@code --only=partiql}): {@link
 * PartiqlBenchmark}'s statements each in the same run as the call it stands for, one fork per
 * benchmark, and the targets, all ratios of time within the run: a prepared {@code
 * SELECT} by full key at most 1.5x {@code getItem}'s time; the same unprepared (parsed each
 * call) reported; a {@code SELECT} of a partition of 100 at most 1.2x the equivalent {@code
 * query}; {@code getItem} over the event bus at most 1.3x the KV {@code get} over the bus.
 */
final class PartiqlReport {

  static final double TARGET_PREPARED_OVER_GET = 1.5;
  static final double TARGET_PARTITION_OVER_QUERY = 1.2;
  static final double TARGET_BUS_GET_OVER_KV = 1.3;
  /** Rough seconds of a benchmark's set-up: 200,000 users into two tables and KV, a bus. */
  static final double SETUP = 10;

  /** Workload, then the methods it runs, each beside its baseline. */
  static final List<String[]> TASKS = List.of(
      new String[] {"partiql_key", "(get_item|select_key_prepared|select_key_unprepared)"},
      new String[] {"partiql_partition", "(query_team|select_team_prepared)"},
      new String[] {"partiql_bus", "(get_item_bus|get_kv_bus)"});

  private PartiqlReport() {}

  /** The group's tasks; the users are {@link PartiqlBenchmark}'s own 200,000 in every run. */
  static List<Task> tasks(boolean quick, int keys) {
    List<Task> tasks = new ArrayList<>();
    for (String[] t : TASKS) {
      tasks.add(new Task("weir", t[0], List.of(Compare.jmhStep(quick, keys,
          PartiqlBenchmark.class, t[1], null, null, t[1].split("\\|").length, SETUP, 0))));
    }
    return tasks;
  }

  /** Whether {@code benchmark} (JMH's full name) is one of this report's. */
  static boolean measures(String benchmark) {
    return benchmark.contains(".PartiqlBenchmark.");
  }

  /** The report's name for a result: partiql_get_item, partiql_select_key_prepared, ... */
  static String workload(String method) {
    return "partiql_" + method;
  }

  /** {@code a}'s time per call over {@code baseline}'s, from their throughputs; NaN if absent. */
  static double timeRatio(Score a, Score baseline) {
    return a == null || baseline == null ? Double.NaN : baseline.value() / a.value();
  }

  /** The section of the report, when the run measured anything of it. */
  static void section(StringBuilder b, Scores s) {
    if (TASKS.stream().flatMap(t -> List.of(t[1].replaceAll("[()]", "").split("\\|")).stream())
        .noneMatch(m -> s.score(workload(m), "weir") != null)) {
      return;
    }
    b.append("\n## PartiQL and tables on the event bus (issue 15): each statement beside the"
        + " call it stands for, one thread\n\n| read | PartiQL or the bus | the call | time"
        + " ratio | target |\n|---|---|---|---|---|\n");
    row(b, s, "one user by key: prepared `SELECT * FROM users WHERE pk = ?` / `getItem`",
        "select_key_prepared", "get_item", "<= 1.5x");
    row(b, s, "the same unprepared, the key a literal (a new text, parsed each call) /"
        + " `getItem`", "select_key_unprepared", "get_item", "reported");
    row(b, s, "a team of 100: prepared `SELECT * FROM teams WHERE pk = ?` / `query(pk = :p)`",
        "select_team_prepared", "query_team", "<= 1.2x");
    row(b, s, "one user over the local event bus: `getItem` / the KV `get` of the same content",
        "get_item_bus", "get_kv_bus", "<= 1.3x");
    b.append("\nThe data (`PartiqlBenchmark`, `TableData`): 200,000 users in a plain table"
        + " (`users`, key `pk`), in a table of teams of 100 (`teams`, partition the team, sort"
        + " the user) and as KV records, one in-memory store, compacted, served on a local"
        + " Vert.x event bus; each call awaited with `block()`; every way of reading is checked"
        + " to read the same items before the measurement. Throughput in calls/s; the ratio is"
        + " of time per call (the baseline's calls/s over the statement's).\n");
  }

  private static void row(StringBuilder b, Scores s, String label, String method,
      String baseline, String target) {
    Score a = s.score(workload(method), "weir");
    Score c = s.score(workload(baseline), "weir");
    if (a == null && c == null) {
      return;
    }
    double r = timeRatio(a, c);
    b.append("| ").append(label).append(" | ").append(Compare.fmt(a)).append(" | ")
        .append(Compare.fmt(c)).append(" | ")
        .append(Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r))
        .append(" | ").append(target).append(" |\n");
  }

  static void targets(StringBuilder b, Scores s, Targets t) {
    target(b, s, t, "prepared PartiQL SELECT by full key <= 1.5x getItem's time",
        "select_key_prepared", "get_item", TARGET_PREPARED_OVER_GET);
    target(b, s, t, "PartiQL SELECT of a partition of 100 <= 1.2x the equivalent query's time",
        "select_team_prepared", "query_team", TARGET_PARTITION_OVER_QUERY);
    target(b, s, t, "getItem over the event bus <= 1.3x the KV get over the bus",
        "get_item_bus", "get_kv_bus", TARGET_BUS_GET_OVER_KV);
  }

  private static void target(StringBuilder b, Scores s, Targets t, String label, String method,
      String baseline, double most) {
    Score a = s.score(workload(method), "weir");
    Score c = s.score(workload(baseline), "weir");
    double r = timeRatio(a, c);
    t.target(b, label, most / r, 1, String.format(Locale.ROOT, "%.2fx (%s vs %s)", r,
        Compare.fmt(a), Compare.fmt(c)));
  }
}
