package dev.weir.table.expression;

import dev.weir.table.AttributeValue;
import dev.weir.table.AttributeValue.BinarySetValue;
import dev.weir.table.AttributeValue.NumberSetValue;
import dev.weir.table.AttributeValue.NumberValue;
import dev.weir.table.AttributeValue.StringSetValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an update does to the value at one path: the old value (null when absent) in, the new
 * one out (null to leave nothing there).
 */
sealed interface DocumentChange permits DocumentChange.Put, DocumentChange.Removal,
    DocumentChange.Addition, DocumentChange.Deletion {

  AttributeValue apply(AttributeValue old);

  /** SET: the new value, whatever was there. */
  record Put(AttributeValue value) implements DocumentChange {
    @Override
    public AttributeValue apply(AttributeValue old) {
      return value;
    }
  }

  /** REMOVE: nothing. */
  final class Removal implements DocumentChange {
    static final Removal INSTANCE = new Removal();

    private Removal() {}

    @Override
    public AttributeValue apply(AttributeValue old) {
      return null;
    }
  }

  /** ADD: a number added to the old one, or a set united with the old one; created if absent. */
  record Addition(AttributeValue operand) implements DocumentChange {
    @Override
    public AttributeValue apply(AttributeValue old) {
      if (old == null) {
        return operand;
      }
      if (old.type() != operand.type()) {
        throw SetValue.incorrectDataType();
      }
      if (old instanceof NumberValue n) {
        return SetValue.number(n.value().add(((NumberValue) operand).value()));
      }
      return combine(old, operand, true);
    }
  }

  /** DELETE: the old set without the operand's members; nothing when none remain. */
  record Deletion(AttributeValue operand) implements DocumentChange {
    @Override
    public AttributeValue apply(AttributeValue old) {
      if (old == null) {
        return null;
      }
      if (old.type() != operand.type()) {
        throw SetValue.incorrectDataType();
      }
      return combine(old, operand, false);
    }
  }

  /** The union ({@code add}) or difference of two sets of one type; null for an empty result. */
  private static AttributeValue combine(AttributeValue old, AttributeValue operand, boolean add) {
    if (old instanceof StringSetValue a) {
      List<String> members = combine(a.members(), ((StringSetValue) operand).members(), add);
      return members.isEmpty() ? null : AttributeValue.stringSet(members);
    }
    if (old instanceof NumberSetValue a) {
      List<?> members = combine(a.members(), ((NumberSetValue) operand).members(), add);
      return members.isEmpty() ? null : AttributeValue.numberSet(members);
    }
    BinarySetValue a = (BinarySetValue) old;
    var members = combine(a.members(), ((BinarySetValue) operand).members(), add);
    return members.isEmpty() ? null : AttributeValue.binarySet(members);
  }

  private static <T> List<T> combine(List<T> old, List<T> operand, boolean add) {
    Set<T> result = new LinkedHashSet<>(old);
    if (add) {
      result.addAll(operand);
    } else {
      operand.forEach(result::remove);
    }
    return new ArrayList<>(result);
  }
}
