package dev.weir.table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an index copies of each item besides the keys: everything, the keys only, or the keys
 * and a list of attributes (DynamoDB's ALL, KEYS_ONLY, INCLUDE).
 */
public record Projection(Type type, Set<String> include) {

  /** DynamoDB bounds the attributes an index includes at 100 over a table's indexes. */
  public static final int MAX_INCLUDED = 100;

  public enum Type {
    ALL,
    KEYS_ONLY,
    INCLUDE
  }

  public Projection {
    if (type == null) {
      throw new ItemValidationException("a projection needs a type");
    }
    include = include == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(include));
    if (type != Type.INCLUDE && !include.isEmpty()) {
      throw new ItemValidationException("only an INCLUDE projection lists attributes");
    }
    if (type == Type.INCLUDE && include.isEmpty()) {
      throw new ItemValidationException("an INCLUDE projection needs at least one attribute");
    }
    if (include.size() > MAX_INCLUDED) {
      throw new ItemValidationException(
          "a projection includes at most " + MAX_INCLUDED + " attributes, not " + include.size());
    }
    for (String name : include) {
      if (name == null || name.isEmpty()) {
        throw new ItemValidationException("a projected attribute name must not be empty");
      }
    }
  }

  public static Projection all() {
    return new Projection(Type.ALL, Set.of());
  }

  public static Projection keysOnly() {
    return new Projection(Type.KEYS_ONLY, Set.of());
  }

  public static Projection include(String... names) {
    return new Projection(Type.INCLUDE, new LinkedHashSet<>(List.of(names)));
  }

  /** Whether an item's attribute {@code name} is copied (keys are always copied too). */
  public boolean projects(String name) {
    return type == Type.ALL || include.contains(name);
  }
}
