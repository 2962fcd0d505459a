package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A document path: a top-level attribute, then map keys ({@code .b}) and list indexes
 * ({@code [2]}), as in {@code a.b[2].c}. Any map key may be a {@code #name} placeholder, bound
 * when the path is used. Immutable; equal when written the same way.
 */
public final class AttributePath {

  private final List<PathSegment> segments;

  AttributePath(List<PathSegment> segments) {
    if (segments.isEmpty() || segments.get(0).isIndex()) {
      throw new IllegalArgumentException("a path starts with an attribute name: " + segments);
    }
    this.segments = List.copyOf(segments);
  }

  /** Parses a path as it would appear in an expression ({@code "a.#b[2]"}). */
  public static AttributePath parse(String text) {
    TokenCursor cursor = new TokenCursor(text, ExpressionKind.DOCUMENT_PATH);
    AttributePath path = cursor.path();
    cursor.expectEnd();
    return path;
  }

  /**
   * The top-level attribute {@code attributeName}, taken literally: it may hold dots, brackets or
   * a reserved word, as a {@code #name} placeholder's value may.
   */
  public static AttributePath ofAttribute(String attributeName) {
    Objects.requireNonNull(attributeName, "attributeName");
    return new AttributePath(List.of(new PathSegment.Name(attributeName)));
  }

  /** The name of the top-level attribute this path starts at. */
  public String topLevelName(Placeholders placeholders) {
    return ((PathSegment.Name) segments.get(0).bind(placeholders)).name();
  }

  /** The value at this path in {@code item}; null when the item or a step of the path is absent. */
  public AttributeValue resolve(Item item, Placeholders placeholders) {
    if (item == null) {
      return null;
    }
    // binds segment by segment, allocating nothing: a filter resolves paths for every item
    AttributeValue value = item.get(topLevelName(placeholders));
    for (int i = 1; i < segments.size() && value != null; i++) {
      value = step(value, segments.get(i).bind(placeholders));
    }
    return value;
  }

  /** The {@code #name} placeholders this path uses. */
  public Set<String> namePlaceholders() {
    Set<String> names = new LinkedHashSet<>();
    for (PathSegment segment : segments) {
      if (segment instanceof PathSegment.NamePlaceholder p) {
        names.add(p.placeholder());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** How many steps: 1 for a top-level attribute. */
  public int depth() {
    return segments.size();
  }

  List<PathSegment> segments() {
    return segments;
  }

  /** The segments with every placeholder replaced by its name. */
  List<PathSegment> bind(Placeholders placeholders) {
    List<PathSegment> bound = new ArrayList<>(segments.size());
    for (PathSegment segment : segments) {
      bound.add(segment.bind(placeholders));
    }
    return bound;
  }

  /** The child of {@code value} at the bound segment, or null when it has none. */
  static AttributeValue step(AttributeValue value, PathSegment segment) {
    if (segment instanceof PathSegment.Index index) {
      if (value instanceof AttributeValue.ListValue list && index.index() < list.values().size()) {
        return list.values().get(index.index());
      }
      return null;
    }
    if (value instanceof AttributeValue.MapValue map) {
      return map.values().get(((PathSegment.Name) segment).name());
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributePath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The path as an expression would write it ({@code a.#b[2]}). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(segments.get(0).toString());
    for (int i = 1; i < segments.size(); i++) {
      PathSegment segment = segments.get(i);
      if (!segment.isIndex()) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }
}
