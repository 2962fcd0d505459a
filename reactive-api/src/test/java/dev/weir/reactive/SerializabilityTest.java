package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.Engine;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.Snapshot;
import dev.weir.engine.TransactionConflictException;
import dev.weir.engine.WeirException;
import dev.weir.engine.WriteBatch;
import dev.weir.engine.WriteCallback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * FoundationDB-style deterministic simulation: 100,000 random transactions, up to 8 in flight,
 * their steps interleaved by a seeded scheduler on one thread, checked for isolation anomalies
 * by {@link IsolationHistoryChecker}. The same workload with validation switched off must show
 * anomalies, or the checker proves nothing.
 */
class SerializabilityTest {

  private static final long SEED = 20261122L;
  private static final int TRANSACTIONS = 100_000;
  private static final int IN_FLIGHT = 8;
  private static final int KEYS = 10;

  @Test
  void randomConcurrentTransactionsShowNoAnomalies() {
    IsolationHistoryChecker.Report report = simulate(SEED, TRANSACTIONS, true);
    System.out.println("validated: " + report);
    assertEquals(0, report.anomalies(), "seed " + SEED + ": " + report);
    assertTrue(report.checked() > TRANSACTIONS / 4, "too few commits: " + report);
  }

  @Test
  void theCheckerFindsAnomaliesWhenValidationIsBroken() {
    IsolationHistoryChecker.Report report = simulate(SEED, 20_000, false);
    System.out.println("broken validation: " + report);
    assertTrue(report.lostUpdates() > 0, "seed " + SEED + ": " + report);
    assertTrue(report.readSkews() + report.writeSkews() > 0, "seed " + SEED + ": " + report);
  }

  /** One transaction in flight: its reads so far and its planned steps. */
  private static final class Flight {
    final int id;
    final Snapshot snapshot;
    final Map<String, String> reads = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    final List<String> plan;
    int step;

    Flight(int id, Snapshot snapshot, List<String> plan) {
      this.id = id;
      this.snapshot = snapshot;
      this.plan = plan;
    }
  }

  /**
   * Runs the workload on the engine: reads at each transaction's snapshot, writes buffered, and
   * commits through the engine's validated commit, with the read set, or (broken) without it.
   */
  private static IsolationHistoryChecker.Report simulate(long seed, int total, boolean validate) {
    SplittableRandom rnd = new SplittableRandom(seed);
    EngineConfig config = EngineConfig.builder().versionsToKeep(Integer.MAX_VALUE).build();
    List<IsolationHistoryChecker.Txn> committed = new ArrayList<>();
    try (Engine engine = Engine.open(config)) {
      WriteBatch.Builder init = WriteBatch.builder();
      for (int k = 0; k < KEYS; k++) {
        init.put(key(k), Bytes.utf8("init"));
      }
      await(cb -> engine.write(init.build(), cb));
      List<Flight> flights = new ArrayList<>();
      int started = 0;
      while (started < total || !flights.isEmpty()) {
        if (started < total && flights.size() < IN_FLIGHT) {
          flights.add(new Flight(++started, engine.snapshot(), plan(rnd)));
          continue;
        }
        Flight f = flights.get(rnd.nextInt(flights.size()));
        String step = f.plan.get(f.step++);
        String k = step.substring(2);
        if (step.startsWith("r ")) {
          Bytes v = engine.get(Bytes.utf8(k), f.snapshot);
          f.reads.put(k, v.asUtf8());
        } else if (step.startsWith("w ")) {
          f.writes.add(k);
        }
        if (f.step == f.plan.size()) {
          flights.remove(f);
          if (commit(engine, f, validate)) {
            committed.add(new IsolationHistoryChecker.Txn(f.id, f.reads, f.writes));
          }
          f.snapshot.close();
        }
      }
      Map<String, List<String>> versions = new HashMap<>();
      for (int k = 0; k < KEYS; k++) {
        List<String> order = new ArrayList<>();
        for (KeyVersion v : engine.history(key(k))) {
          order.add(v.value().asUtf8());
        }
        Collections.reverse(order);
        versions.put(key(k).asUtf8(), order);
      }
      return IsolationHistoryChecker.check(committed, versions);
    }
  }

  private static boolean commit(Engine engine, Flight f, boolean validate) {
    if (f.writes.isEmpty()) {
      return true;
    }
    WriteBatch.Builder batch = WriteBatch.builder();
    for (String k : f.writes) {
      batch.put(Bytes.utf8(k), Bytes.utf8("t" + f.id));
    }
    List<Bytes> readKeys = new ArrayList<>();
    if (validate) {
      f.reads.keySet().forEach(k -> readKeys.add(Bytes.utf8(k)));
    }
    try {
      await(cb -> engine.commit(f.snapshot.sequence(), readKeys, List.of(), batch.build(), cb));
      return true;
    } catch (TransactionConflictException e) {
      return false;
    }
  }

  /** Read two keys, then write up to two distinct keys (maybe ones it read). */
  private static List<String> plan(SplittableRandom rnd) {
    List<String> plan = new ArrayList<>();
    plan.add("r " + key(rnd.nextInt(KEYS)).asUtf8());
    plan.add("r " + key(rnd.nextInt(KEYS)).asUtf8());
    int first = rnd.nextInt(KEYS);
    plan.add("w " + key(first).asUtf8());
    if (rnd.nextBoolean()) {
      plan.add("w " + key((first + 1 + rnd.nextInt(KEYS - 1)) % KEYS).asUtf8());
    }
    return plan;
  }

  private static Bytes key(int k) {
    return Bytes.utf8("k" + k);
  }

  private static void await(Consumer<WriteCallback> write) {
    WeirException[] error = new WeirException[1];
    boolean[] done = new boolean[1];
    write.accept(
        new WriteCallback() {
          @Override
          public void onSuccess(long sequence, long result) {
            done[0] = true;
          }

          @Override
          public void onError(WeirException e) {
            error[0] = e;
            done[0] = true;
          }
        });
    // with the default executor, a write on this single thread completes before it returns
    if (!done[0]) {
      throw new AssertionError("the write did not complete inline");
    }
    if (error[0] != null) {
      throw error[0];
    }
  }
}
