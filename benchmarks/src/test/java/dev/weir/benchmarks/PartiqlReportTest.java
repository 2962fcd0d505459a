package dev.weir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.benchmarks.Compare.Score;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

/** The partiql group's plan, naming, section and verdicts, from given figures; nothing is timed. */
class PartiqlReportTest {

  @Test
  void thePartiqlGroupRunsEachStatementBesideItsCall() {
    List<Compare.Task> tasks = PartiqlReport.tasks(false, Dataset.KEYS);
    assertEquals(List.of("partiql_key", "partiql_partition", "partiql_bus"),
        tasks.stream().map(Compare.Task::workload).toList());
    tasks.forEach(t -> assertEquals("partiql", t.group()));
    assertTrue(Compare.plan(false, Kv.STORES, Dataset.KEYS).stream()
        .filter(t -> t.workload().matches(".*partiql.*")).count() == 3, "--only=partiql finds");
    Options o = Compare.options(false, Dataset.KEYS, PartiqlBenchmark.class,
        "(query_team|select_team_prepared)", null);
    assertEquals("^dev\\.weir\\.benchmarks\\.PartiqlBenchmark\\.(query_team|select_team_prepared)$",
        o.getIncludes().get(0));
    assertEquals("3 warm-up x 1 s, 5 x 2 s, a fork each", Compare.how(o, false));
    assertEquals(false, o.getParameter("keys").hasValue(), "its own 200,000 users");
  }

  @Test
  void targetsAreRatiosOfTimeWithinTheRun() {
    Map<String, Score> scores = new HashMap<>();
    scores.put("partiql_get_item|weir", new Score(600_000, Double.NaN, "ops/s"));
    scores.put("partiql_select_key_prepared|weir", new Score(500_000, Double.NaN, "ops/s"));
    scores.put("partiql_query_team|weir", new Score(20_000, Double.NaN, "ops/s"));
    scores.put("partiql_select_team_prepared|weir", new Score(15_000, Double.NaN, "ops/s"));
    scores.put("partiql_get_kv_bus|weir", new Score(30_000, Double.NaN, "ops/s"));
    Map<String, Boolean> verdicts = new HashMap<>();
    PartiqlReport.targets(new StringBuilder(), (w, s) -> scores.get(w + "|" + s),
        (sb, target, value, min, measured) -> verdicts.put(target,
            Double.isNaN(value) ? null : value >= min));
    Map<String, Boolean> expected = new HashMap<>();
    expected.put("prepared PartiQL SELECT by full key <= 1.5x getItem's time", true); // 1.2x
    expected.put("PartiQL SELECT of a partition of 100 <= 1.2x the equivalent query's time",
        false); // 1.33x
    expected.put("getItem over the event bus <= 1.3x the KV get over the bus", null);
    assertEquals(expected, verdicts);
    StringBuilder section = new StringBuilder();
    PartiqlReport.section(section, (w, s) -> scores.get(w + "|" + s));
    assertTrue(section.toString().contains("| 1.20x | <= 1.5x |"), section.toString());
    assertTrue(section.toString().contains("| 1.33x | <= 1.2x |"), section.toString());
    StringBuilder none = new StringBuilder();
    PartiqlReport.section(none, (w, s) -> null);
    assertEquals("", none.toString(), "no figures, no section");
  }
}
