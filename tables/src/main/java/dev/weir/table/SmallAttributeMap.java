package dev.weir.table;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The attributes of a small item ({@link Item.Builder#SMALL} or fewer): two arrays in the order
 * the names were added, searched linearly. A LinkedHashMap of five attributes is a map, a table
 * and five nodes, most of what decoding an item allocated; this is three objects, and a lookup
 * of a handful of names costs no more than hashing one.
 *
 * <p>Immutable: it takes arrays its builder no longer writes (the builder copies them before a
 * later change), and every mutator throws {@link UnsupportedOperationException}. Equal to any
 * map of the same entries, with the same hash code, as {@link AbstractMap} defines them.
 */
final class SmallAttributeMap extends AbstractMap<String, AttributeValue> {
  private final String[] names;
  private final AttributeValue[] values;
  private final int size;

  SmallAttributeMap(String[] names, AttributeValue[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  static int indexOf(String[] names, int size, Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(names, size, name) >= 0;
  }

  @Override
  public AttributeValue get(Object name) {
    int i = indexOf(names, size, name);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /** As {@link AbstractMap#equals}, without an entry object per attribute. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SmallAttributeMap other)) {
      return super.equals(o);
    }
    if (other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!values[i].equals(other.get(names[i]))) {
        return false;
      }
    }
    return true;
  }

  /** As {@link AbstractMap#hashCode}: the sum of the entries' {@code key ^ value} hashes. */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += names[i].hashCode() ^ values[i].hashCode();
    }
    return h;
  }

  @Override
  public Set<Map.Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, AttributeValue>> iterator() {
        return new Walk<>() {
          @Override
          Map.Entry<String, AttributeValue> at(int i) {
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return new Walk<>() {
          @Override
          String at(int i) {
            return names[i];
          }
        };
      }

      @Override
      public boolean contains(Object name) {
        return containsKey(name);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Walks the entries in order; removal is not supported. */
  private abstract class Walk<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public T next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }
}
