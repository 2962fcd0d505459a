package dev.weir.table.expression;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.AttributeValue.BinaryValue;
import dev.weir.table.AttributeValue.StringValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import java.util.List;

/**
 * The boolean functions of conditions. DynamoDB documents {@code contains} for strings and sets;
 * it also finds a byte sequence in a binary and an element (of any type) in a list, and so does
 * this. {@code begins_with} works on strings and binaries.
 */
record FunctionCondition(Function function, List<Operand> arguments) implements Condition {

  enum Function {
    ATTRIBUTE_EXISTS("attribute_exists", 1),
    ATTRIBUTE_NOT_EXISTS("attribute_not_exists", 1),
    ATTRIBUTE_TYPE("attribute_type", 2),
    BEGINS_WITH("begins_with", 2),
    CONTAINS("contains", 2);

    final String spelling;
    final int arity;

    Function(String spelling, int arity) {
      this.spelling = spelling;
      this.arity = arity;
    }

    /** The function spelled {@code name} (case-sensitive, as DynamoDB's), or null. */
    static Function named(String name) {
      for (Function f : values()) {
        if (f.spelling.equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  FunctionCondition {
    arguments = List.copyOf(arguments);
  }

  @Override
  public boolean evaluate(Item item, Placeholders placeholders) {
    AttributeValue first = arguments.get(0).evaluate(item, placeholders);
    return switch (function) {
      case ATTRIBUTE_EXISTS -> first != null;
      case ATTRIBUTE_NOT_EXISTS -> first == null;
      case ATTRIBUTE_TYPE -> first != null && first.type().name()
          .equals(((StringValue) arguments.get(1).constant(placeholders)).value());
      case BEGINS_WITH -> beginsWith(first, arguments.get(1).evaluate(item, placeholders));
      case CONTAINS -> contains(first, arguments.get(1).evaluate(item, placeholders));
    };
  }

  @Override
  public void check(Placeholders placeholders) {
    arguments.forEach(a -> a.check(placeholders));
    if (function == Function.ATTRIBUTE_TYPE) {
      checkTypeName(arguments.get(1).constant(placeholders));
    } else if (function == Function.BEGINS_WITH) {
      for (Operand argument : arguments) {
        argument.requireConstantType(placeholders, function.spelling,
            v -> v instanceof StringValue || v instanceof BinaryValue);
      }
    }
  }

  private static void checkTypeName(AttributeValue type) {
    if (!(type instanceof StringValue name)) {
      throw Operand.incorrectOperandType("attribute_type", type.type().name());
    }
    for (AttributeType t : AttributeType.values()) {
      if (t.name().equals(name.value())) {
        return;
      }
    }
    throw new ExpressionException(ExpressionKind.CONDITION.invalid()
        + "Invalid attribute type name found; type: " + name.value()
        + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  }

  static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
    if (value instanceof StringValue s && prefix instanceof StringValue p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof BinaryValue b && prefix instanceof BinaryValue p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  private static boolean contains(AttributeValue container, AttributeValue wanted) {
    if (container == null || wanted == null) {
      return false;
    }
    if (container instanceof StringValue s) {
      return wanted instanceof StringValue w && s.value().contains(w.value());
    }
    if (container instanceof BinaryValue b) {
      return wanted instanceof BinaryValue w && indexOf(b.value(), w.value()) >= 0;
    }
    if (container instanceof AttributeValue.StringSetValue ss) {
      return wanted instanceof StringValue w && ss.members().contains(w.value());
    }
    if (container instanceof AttributeValue.NumberSetValue ns) {
      return wanted instanceof AttributeValue.NumberValue w && ns.members().contains(w.value());
    }
    if (container instanceof AttributeValue.BinarySetValue bs) {
      return wanted instanceof BinaryValue w && bs.members().contains(w.value());
    }
    if (container instanceof AttributeValue.ListValue list) {
      return list.values().contains(wanted);
    }
    return false;
  }

  private static int indexOf(Bytes haystack, Bytes needle) {
    outer:
    for (int start = 0; start + needle.length() <= haystack.length(); start++) {
      for (int i = 0; i < needle.length(); i++) {
        if (haystack.byteAt(start + i) != needle.byteAt(i)) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }
}
