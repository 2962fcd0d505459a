package dev.weir.table.expression;

import java.util.List;
import java.util.StringJoiner;

/**
 * One step of a document path: a map key (a bare name, or a {@code #placeholder} until it is
 * bound) or a list index. Equal segments are equal records, so paths compare by value.
 */
sealed interface PathSegment permits PathSegment.Name, PathSegment.NamePlaceholder,
    PathSegment.Index {

  /** This segment with its placeholder replaced by the name it stands for. */
  PathSegment bind(Placeholders placeholders);

  boolean isIndex();

  /** A map key, by its name. */
  record Name(String name) implements PathSegment {
    @Override
    public PathSegment bind(Placeholders placeholders) {
      return this;
    }

    @Override
    public boolean isIndex() {
      return false;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A map key given as {@code #n}; it means a name only once bound. */
  record NamePlaceholder(String placeholder) implements PathSegment {
    @Override
    public PathSegment bind(Placeholders placeholders) {
      return new Name(placeholders.name(placeholder));
    }

    @Override
    public boolean isIndex() {
      return false;
    }

    @Override
    public String toString() {
      return placeholder;
    }
  }

  /** A list element, 0-based. */
  record Index(int index) implements PathSegment {
    @Override
    public PathSegment bind(Placeholders placeholders) {
      return this;
    }

    @Override
    public boolean isIndex() {
      return true;
    }

    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** A path as DynamoDB's messages show it: {@code [a, b, [2]]}. */
  static String describe(List<PathSegment> path) {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (PathSegment segment : path) {
      joiner.add(segment.toString());
    }
    return joiner.toString();
  }
}
