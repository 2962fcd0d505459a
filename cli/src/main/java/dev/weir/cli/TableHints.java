package dev.weir.cli;

import dev.weir.table.Item;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.TableSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What tab completion knows of the tables: their names, and per table the attribute names of
 * its key schema (table and indexes, and its TTL attribute) and of the items the shell has
 * shown. Learned from what the shell does anyway (table list, create, describe, a statement's
 * items) plus one listing at the first completion, so a tab never costs a round trip to a remote
 * store after that. It may be stale (another client's new table), never wrong for long: each
 * listing or drop resets it.
 *
 * <p>Written by the shell's thread and read by JLine's completer on the same thread while a line
 * is edited; the maps are concurrent all the same, as the completer is JLine's to call.
 */
final class TableHints {

  private final Map<String, Set<String>> attributes = new ConcurrentSkipListMap<>();
  private volatile boolean listed;

  /** Whether a listing has told the table names (else the completer asks for one). */
  boolean listed() {
    return listed;
  }

  /** The tables now, from a listing: names no longer listed are forgotten. */
  void tables(List<String> names) {
    attributes.keySet().retainAll(names);
    names.forEach(this::table);
    listed = true;
  }

  void table(String name) {
    attributes.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet());
  }

  void dropped(String name) {
    attributes.remove(name);
  }

  /** The attributes a schema names: keys of the table and of each index, and the TTL's. */
  void schema(TableSchema schema) {
    List<String> names = new ArrayList<>();
    names.add(schema.key().partitionKey().name());
    schema.key().sortKeyIfAny().ifPresent(k -> names.add(k.name()));
    for (SecondaryIndex index : schema.indexes()) {
      names.add(index.key().partitionKey().name());
      index.key().sortKeyIfAny().ifPresent(k -> names.add(k.name()));
    }
    schema.ttlAttributeIfAny().ifPresent(names::add);
    attributes.computeIfAbsent(schema.name(), n -> ConcurrentHashMap.newKeySet()).addAll(names);
  }

  /** The top-level attribute names of an item {@code table} gave. */
  void seen(String table, Item item) {
    if (table != null) {
      attributes.computeIfAbsent(table, n -> ConcurrentHashMap.newKeySet()).addAll(item.names());
    }
  }

  /** The table names known, in name order. */
  List<String> tableNames() {
    return List.copyOf(attributes.keySet());
  }

  /** The attributes known of {@code table}, or of every table when it is null, in name order. */
  List<String> attributes(String table) {
    Set<String> names = new TreeSet<>();
    if (table == null) {
      attributes.values().forEach(names::addAll);
    } else {
      names.addAll(attributes.getOrDefault(table, Collections.emptySet()));
    }
    return List.copyOf(names);
  }
}
