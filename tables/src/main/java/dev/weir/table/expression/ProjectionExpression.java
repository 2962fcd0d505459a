package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed projection: the attributes (top-level or nested) a read returns, {@code a, b.c[1]}.
 * A nested path keeps its place in the structure: {@code a.b[1]} of
 * {@code {a: {b: [x, y], c: z}}} is {@code {a: {b: [y]}}}; paths that lead nowhere add nothing.
 * Two paths of which one contains the other are refused, as DynamoDB refuses them. Parsed once,
 * immutable and thread-safe.
 */
public final class ProjectionExpression {

  private final String text;
  private final List<AttributePath> paths;
  private final Set<String> namePlaceholders;

  private ProjectionExpression(String text, List<AttributePath> paths, Set<String> names) {
    this.text = text;
    this.paths = List.copyOf(paths);
    this.namePlaceholders = Set.copyOf(names);
  }

  /** Parses {@code expression}: document paths separated by commas. */
  public static ProjectionExpression parse(String expression) {
    TokenCursor cursor = new TokenCursor(expression, ExpressionKind.PROJECTION);
    List<AttributePath> paths = new ArrayList<>();
    PathTree<Boolean> written = new PathTree<>();
    do {
      Token start = cursor.peek();
      AttributePath path = cursor.path();
      written.add(path.segments(), Boolean.TRUE, message -> cursor.error(message, start));
      paths.add(path);
    } while (cursor.accept(TokenKind.COMMA));
    cursor.expectEnd();
    return new ProjectionExpression(expression, paths, cursor.namePlaceholders());
  }

  /** {@code item} reduced to the projected paths; an item holding none of them is empty. */
  public Item apply(Item item, Placeholders placeholders) {
    Objects.requireNonNull(item, "item");
    PathTree<Boolean> tree = bind(placeholders);
    Map<String, AttributeValue> kept = new LinkedHashMap<>();
    for (Map.Entry<PathSegment, PathTree.Node<Boolean>> top : tree.root().children.entrySet()) {
      String name = ((PathSegment.Name) top.getKey()).name();
      AttributeValue value = project(item.get(name), top.getValue());
      if (value != null) {
        kept.put(name, value);
      }
    }
    return Item.of(kept);
  }

  /** The top-level attributes the projection reads. */
  public Set<String> topLevelNames(Placeholders placeholders) {
    Set<String> names = new LinkedHashSet<>();
    for (AttributePath path : paths) {
      names.add(path.topLevelName(placeholders));
    }
    return Collections.unmodifiableSet(names);
  }

  /** The projected paths, in the order written. */
  public List<AttributePath> paths() {
    return paths;
  }

  /** The {@code #name} placeholders the expression uses. */
  public Set<String> namePlaceholders() {
    return namePlaceholders;
  }

  /** A projection has no {@code :value} placeholders; always empty. */
  public Set<String> valuePlaceholders() {
    return Set.of();
  }

  private PathTree<Boolean> bind(Placeholders placeholders) {
    PathTree<Boolean> tree = new PathTree<>();
    for (AttributePath path : paths) {
      tree.add(path.bind(placeholders), Boolean.TRUE,
          message -> new ExpressionException(ExpressionKind.PROJECTION.invalid() + message));
    }
    return tree;
  }

  /** The part of {@code value} that {@code node}'s paths reach, or null when they reach none. */
  private static AttributeValue project(AttributeValue value, PathTree.Node<Boolean> node) {
    if (value == null || node.payload != null) {
      return value;
    }
    boolean indexes = node.children.keySet().iterator().next().isIndex();
    if (indexes) {
      if (!(value instanceof AttributeValue.ListValue list)) {
        return null;
      }
      // elements keep their order in the list, whatever the order of the paths
      Map<Integer, AttributeValue> elements = new TreeMap<>();
      for (Map.Entry<PathSegment, PathTree.Node<Boolean>> e : node.children.entrySet()) {
        AttributeValue child = project(AttributePath.step(list, e.getKey()), e.getValue());
        if (child != null) {
          elements.put(((PathSegment.Index) e.getKey()).index(), child);
        }
      }
      return elements.isEmpty() ? null : AttributeValue.list(new ArrayList<>(elements.values()));
    }
    if (!(value instanceof AttributeValue.MapValue map)) {
      return null;
    }
    Map<String, AttributeValue> entries = new LinkedHashMap<>();
    for (Map.Entry<PathSegment, PathTree.Node<Boolean>> e : node.children.entrySet()) {
      AttributeValue child = project(AttributePath.step(map, e.getKey()), e.getValue());
      if (child != null) {
        entries.put(((PathSegment.Name) e.getKey()).name(), child);
      }
    }
    return entries.isEmpty() ? null : AttributeValue.map(entries);
  }

  /** The expression's text, as given. */
  @Override
  public String toString() {
    return text;
  }
}
