package dev.weir.table.store;

import dev.weir.table.ExpressionException;
import dev.weir.table.KeySchema;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.KeyCondition;
import dev.weir.table.expression.Placeholders;
import dev.weir.table.expression.ProjectionExpression;
import dev.weir.table.expression.UpdateExpression;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Expressions given as text, parsed once per distinct text and kept (parsed expressions are
 * immutable and bind their placeholders per request, so one serves every request that uses
 * its text). Bounded: past {@link #MAX_ENTRIES} texts of a kind the cache starts over, so
 * requests that build a new text each time cannot grow it without end. Thread-safe.
 */
final class ParsedExpressions {

  static final int MAX_ENTRIES = 4096;

  private final Map<String, ConditionExpression> conditions = new ConcurrentHashMap<>();
  private final Map<String, UpdateExpression> updates = new ConcurrentHashMap<>();
  private final Map<String, ProjectionExpression> projections = new ConcurrentHashMap<>();
  private final Map<String, KeyCondition> keyConditions = new ConcurrentHashMap<>();

  ConditionExpression condition(String text, ConditionExpression parsed) {
    return parsed != null ? parsed : cached(conditions, text, ConditionExpression::parse);
  }

  UpdateExpression update(String text, UpdateExpression parsed) {
    return parsed != null ? parsed : cached(updates, text, UpdateExpression::parse);
  }

  ProjectionExpression projection(String text, ProjectionExpression parsed) {
    return parsed != null ? parsed : cached(projections, text, ProjectionExpression::parse);
  }

  KeyCondition keyCondition(String text, KeyCondition parsed) {
    return parsed != null ? parsed : cached(keyConditions, text, KeyCondition::parse);
  }

  private static <T> T cached(Map<String, T> cache, String text, Function<String, T> parse) {
    if (text == null) {
      return null;
    }
    T found = cache.get(text);
    if (found != null) {
      return found;
    }
    T parsed = parse.apply(text);
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(text, parsed);
    return parsed;
  }

  /**
   * DynamoDB's rule for a request's placeholders: every one its expressions use is defined,
   * and every one defined is used by one of them.
   */
  static void checkPlaceholders(
      Placeholders placeholders, Set<String> usedNames, Set<String> usedValues) {
    if (usedNames.isEmpty() && usedValues.isEmpty() && placeholders.names().isEmpty()
        && placeholders.values().isEmpty()) {
      return; // the common case of a request without expressions
    }
    for (String name : usedNames) {
      if (!placeholders.names().containsKey(name)) {
        throw new ExpressionException("an expression uses the name placeholder " + name
            + ", which the request does not define");
      }
    }
    for (String value : usedValues) {
      if (!placeholders.values().containsKey(value)) {
        throw new ExpressionException("an expression uses the value placeholder " + value
            + ", which the request does not define");
      }
    }
    Set<String> unusedNames = new HashSet<>(placeholders.names().keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw new ExpressionException("name placeholders defined but not used in any expression: "
          + new java.util.TreeSet<>(unusedNames));
    }
    Set<String> unusedValues = new HashSet<>(placeholders.values().keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw new ExpressionException("value placeholders defined but not used in any expression: "
          + new java.util.TreeSet<>(unusedValues));
    }
  }

  /**
   * DynamoDB's rule for a query's filter: it may not read the partition or sort key of the
   * table or index queried, which belong in the key condition.
   */
  static void checkFilterOmitsKeys(
      ConditionExpression filter, Placeholders placeholders, KeySchema key) {
    if (filter == null) {
      return;
    }
    for (String name : filter.topLevelNames(placeholders)) {
      if (key.isKeyAttribute(name)) {
        throw new ExpressionException("Filter Expression can only contain non-primary key"
            + " attributes: Primary key attribute: " + name);
      }
    }
  }
}
