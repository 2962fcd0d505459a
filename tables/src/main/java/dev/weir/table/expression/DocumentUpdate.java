package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.AttributeValue.ListValue;
import dev.weir.table.AttributeValue.MapValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the changes of one update, held in a {@link PathTree} of bound paths, to an item,
 * building new values along the changed paths and sharing the untouched rest.
 *
 * <p>All the changes of one update act together, as DynamoDB's do: list indexes mean positions
 * in the list as it was, so {@code REMOVE a[1] SET a[3] = :v} replaces the element that was
 * fourth and drops the second; several elements set past a list's end are appended in index
 * order. A path through an absent map key or list element, or through a value of the wrong type
 * ({@code a.b} where {@code a} is a string), is refused, except that removing an absent leaf is
 * no change.
 */
final class DocumentUpdate {
  private DocumentUpdate() {}

  static Item apply(Item old, PathTree<DocumentChange> changes) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(old.attributes());
    applyToMap(attributes, changes.root());
    return Item.of(attributes);
  }

  private static void applyToMap(Map<String, AttributeValue> entries,
      PathTree.Node<DocumentChange> node) {
    for (Map.Entry<PathSegment, PathTree.Node<DocumentChange>> e : node.children.entrySet()) {
      String name = ((PathSegment.Name) e.getKey()).name();
      AttributeValue updated = applyTo(entries.get(name), e.getValue());
      if (updated == null) {
        entries.remove(name);
      } else {
        entries.put(name, updated);
      }
    }
  }

  /** The new value where {@code node} is, whose old value is {@code old} (null when absent). */
  private static AttributeValue applyTo(AttributeValue old, PathTree.Node<DocumentChange> node) {
    if (node.payload != null) {
      return node.payload.apply(old);
    }
    boolean indexes = node.children.keySet().iterator().next().isIndex();
    if (indexes && old instanceof ListValue list) {
      return applyToList(list, node);
    }
    if (!indexes && old instanceof MapValue map) {
      Map<String, AttributeValue> entries = new LinkedHashMap<>(map.values());
      applyToMap(entries, node);
      return AttributeValue.map(entries);
    }
    throw invalidPath();
  }

  private static AttributeValue applyToList(ListValue old, PathTree.Node<DocumentChange> node) {
    List<AttributeValue> elements = old.values();
    List<AttributeValue> updated = new ArrayList<>(elements.size() + node.children.size());
    Map<Integer, PathTree.Node<DocumentChange>> pastEnd = new TreeMap<>();
    for (Map.Entry<PathSegment, PathTree.Node<DocumentChange>> e : node.children.entrySet()) {
      int index = ((PathSegment.Index) e.getKey()).index();
      if (index >= elements.size()) {
        pastEnd.put(index, e.getValue());
      }
    }
    for (int i = 0; i < elements.size(); i++) {
      PathTree.Node<DocumentChange> child = node.children.get(new PathSegment.Index(i));
      AttributeValue element = child == null ? elements.get(i) : applyTo(elements.get(i), child);
      if (element != null) {
        updated.add(element);
      }
    }
    for (PathTree.Node<DocumentChange> child : pastEnd.values()) {
      if (child.payload == null) {
        throw invalidPath();
      }
      AttributeValue appended = child.payload.apply(null);
      if (appended != null) {
        updated.add(appended);
      }
    }
    return AttributeValue.list(updated);
  }

  private static ExpressionException invalidPath() {
    return new ExpressionException(ExpressionKind.UPDATE.invalid()
        + "The document path provided in the update expression is invalid for update");
  }
}
