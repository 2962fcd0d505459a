package dev.weir.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Sets: non-empty, no duplicates, one canonical order so equal sets are equal lists. */
final class SetRules {
  private SetRules() {}

  static <T> List<T> canonical(List<T> members, Comparator<? super T> order, String kind) {
    if (members.isEmpty()) {
      throw new ItemValidationException("a " + kind + " set must not be empty");
    }
    List<T> sorted = new ArrayList<>(members);
    sorted.sort(order);
    for (int i = 1; i < sorted.size(); i++) {
      if (order.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
        throw new ItemValidationException(
            "a " + kind + " set must not hold duplicates: " + sorted.get(i));
      }
    }
    return Collections.unmodifiableList(sorted);
  }
}
