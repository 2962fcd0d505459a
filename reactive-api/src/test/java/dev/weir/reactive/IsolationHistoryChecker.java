package dev.weir.reactive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Elle-style checker: from a history of committed transactions (what each read, which
 * keys each wrote) and each key's version order, it builds the dependency graph (write-write,
 * write-read and read-write anti-dependencies) and reports the anomalies serializability
 * forbids: dirty reads (a value no committed transaction wrote), lost updates (two transactions
 * read the same version of a key and both overwrote it), and dependency cycles: with one
 * anti-dependency edge a read skew (G-single), with more a write skew (G2).
 *
 * <p>Values name their writer ({@code "t<id>"}, or {@code "init"}), and every transaction
 * writes a key at most once, so each version has one known writer.
 */
final class IsolationHistoryChecker {

  /** One committed transaction: the version it saw of each key it read, the keys it wrote. */
  record Txn(int id, Map<String, String> reads, List<String> writes) {}

  /** What the checker found. */
  record Report(int dirtyReads, int lostUpdates, int readSkews, int writeSkews, int checked) {
    int anomalies() {
      return dirtyReads + lostUpdates + readSkews + writeSkews;
    }
  }

  private static final int INIT = 0;

  private IsolationHistoryChecker() {}

  /**
   * @param committed the committed transactions (ids from 1)
   * @param versions each key's values, oldest first, starting with "init"
   */
  static Report check(List<Txn> committed, Map<String, List<String>> versions) {
    Map<Integer, Integer> node = new HashMap<>();
    node.put(INIT, 0);
    for (Txn t : committed) {
      node.put(t.id(), node.size());
    }
    int n = node.size();
    List<List<int[]>> edges = new ArrayList<>(); // {to, isAntiDependency}
    for (int i = 0; i < n; i++) {
      edges.add(new ArrayList<>());
    }
    Map<String, Map<String, Integer>> position = new HashMap<>();
    for (Map.Entry<String, List<String>> e : versions.entrySet()) {
      Map<String, Integer> at = new HashMap<>();
      List<String> order = e.getValue();
      for (int i = 0; i < order.size(); i++) {
        at.put(order.get(i), i);
        if (i > 0) {
          edge(edges, node, writer(order.get(i - 1)), writer(order.get(i)), false); // ww
        }
      }
      position.put(e.getKey(), at);
    }
    int dirty = 0;
    int lost = 0;
    Map<String, Map<String, Integer>> overwrittenAfterRead = new HashMap<>();
    for (Txn t : committed) {
      for (Map.Entry<String, String> read : t.reads().entrySet()) {
        String key = read.getKey();
        String seen = read.getValue();
        Integer at = position.get(key).get(seen);
        if (at == null || !node.containsKey(writer(seen))) {
          dirty++;
          continue;
        }
        edge(edges, node, writer(seen), t.id(), false); // wr
        List<String> order = versions.get(key);
        if (at + 1 < order.size()) {
          int next = writer(order.get(at + 1));
          if (next != t.id()) {
            edge(edges, node, t.id(), next, true); // rw: it read what `next` overwrote
          }
        }
        if (t.writes().contains(key)) {
          int twice = overwrittenAfterRead
              .computeIfAbsent(key, k -> new HashMap<>())
              .merge(seen, 1, Integer::sum);
          if (twice > 1) {
            lost++;
          }
        }
      }
    }
    int[] cycles = cycles(edges, n);
    return new Report(dirty, lost, cycles[0], cycles[1], committed.size());
  }

  private static int writer(String value) {
    return value.equals("init") ? INIT : Integer.parseInt(value.substring(1));
  }

  private static void edge(
      List<List<int[]>> edges, Map<Integer, Integer> node, int from, int to, boolean rw) {
    Integer a = node.get(from);
    Integer b = node.get(to);
    if (a != null && b != null && !a.equals(b)) {
      edges.get(a).add(new int[] {b, rw ? 1 : 0});
    }
  }

  /**
   * Strongly connected components (iterative Tarjan). Each component of more than one node is
   * a cycle; it counts as a read skew when it holds one anti-dependency edge, else a write skew.
   */
  private static int[] cycles(List<List<int[]>> edges, int n) {
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    int counter = 0;
    int comps = 0;
    int[] edgePos = new int[n];
    List<Integer> componentSizes = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      ArrayDeque<Integer> call = new ArrayDeque<>();
      call.push(root);
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!call.isEmpty()) {
        int v = call.peek();
        if (edgePos[v] < edges.get(v).size()) {
          int w = edges.get(v).get(edgePos[v]++)[0];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            call.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        } else {
          call.pop();
          if (!call.isEmpty()) {
            low[call.peek()] = Math.min(low[call.peek()], low[v]);
          }
          if (low[v] == index[v]) {
            int size = 0;
            int w;
            do {
              w = stack.pop();
              onStack[w] = false;
              comp[w] = comps;
              size++;
            } while (w != v);
            componentSizes.add(size);
            comps++;
          }
        }
      }
    }
    int[] antiEdges = new int[comps];
    for (int v = 0; v < n; v++) {
      for (int[] e : edges.get(v)) {
        if (e[1] == 1 && comp[v] == comp[e[0]]) {
          antiEdges[comp[v]]++;
        }
      }
    }
    int readSkews = 0;
    int writeSkews = 0;
    for (int c = 0; c < comps; c++) {
      if (componentSizes.get(c) > 1) {
        if (antiEdges[c] == 1) {
          readSkews++;
        } else {
          writeSkews++;
        }
      }
    }
    return new int[] {readSkews, writeSkews};
  }
}
