package dev.weir.table.expression;

import dev.weir.table.ExpressionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The document paths of one projection or update, merged into a tree, each path's last node
 * holding what to do there. DynamoDB refuses two paths of which one contains the other (they
 * "overlap": {@code a} and {@code a.b[0]}, or the same path twice) and two that step into the
 * same value once as a map and once as a list (they "conflict": {@code a.b} and {@code a[1]});
 * so does {@link #add}. Built and read by one thread.
 *
 * @param <T> what a path's last node holds
 */
final class PathTree<T> {

  /** One step; the children of a node are all map keys or all list indexes. */
  static final class Node<T> {
    final Map<PathSegment, Node<T>> children = new LinkedHashMap<>();
    T payload;
    List<PathSegment> path;
  }

  private final Node<T> root = new Node<>();

  Node<T> root() {
    return root;
  }

  /**
   * Adds {@code path} holding {@code payload}.
   *
   * @param refusal makes the error for a message saying why the path cannot be added
   */
  void add(List<PathSegment> path, T payload, Function<String, ExpressionException> refusal) {
    Node<T> node = root;
    for (PathSegment segment : path) {
      if (node.payload != null) {
        throw refusal.apply(overlap(node.path, path));
      }
      if (!node.children.isEmpty()
          && node.children.keySet().iterator().next().isIndex() != segment.isIndex()) {
        throw refusal.apply("Two document paths conflict with each other; must remove or "
            + "rewrite one of these paths; path one: " + PathSegment.describe(anyPath(node))
            + ", path two: " + PathSegment.describe(path));
      }
      node = node.children.computeIfAbsent(segment, s -> new Node<>());
    }
    if (node.payload != null || !node.children.isEmpty()) {
      throw refusal.apply(overlap(anyPath(node), path));
    }
    node.payload = payload;
    node.path = List.copyOf(path);
  }

  private static String overlap(List<PathSegment> one, List<PathSegment> two) {
    return "Two document paths overlap with each other; must remove or rewrite one of these "
        + "paths; path one: " + PathSegment.describe(one) + ", path two: "
        + PathSegment.describe(two);
  }

  /** A path ending at or below {@code node} (one exists: nodes are made only for paths). */
  private static <T> List<PathSegment> anyPath(Node<T> node) {
    Deque<Node<T>> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      Node<T> n = pending.pop();
      if (n.path != null) {
        return n.path;
      }
      n.children.values().forEach(pending::push);
    }
    throw new IllegalStateException("a node without a path below it");
  }
}
