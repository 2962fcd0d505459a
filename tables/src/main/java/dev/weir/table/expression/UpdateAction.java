package dev.weir.table.expression;

import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;

/** One action of an update expression, on one document path. */
sealed interface UpdateAction permits UpdateAction.SetAction, UpdateAction.RemoveAction,
    UpdateAction.AddAction, UpdateAction.DeleteAction {

  AttributePath path();

  /** Refuses undefined placeholders and operands of a type the action cannot take. */
  void check(Placeholders placeholders);

  /** What the action does at its path, with every read made on {@code old}. */
  DocumentChange change(Item old, Placeholders placeholders);

  /** {@code SET path = value}. */
  record SetAction(AttributePath path, SetValue value) implements UpdateAction {
    @Override
    public void check(Placeholders placeholders) {
      value.check(placeholders);
    }

    @Override
    public DocumentChange change(Item old, Placeholders placeholders) {
      return new DocumentChange.Put(value.evaluate(old, placeholders));
    }
  }

  /** {@code REMOVE path}. */
  record RemoveAction(AttributePath path) implements UpdateAction {
    @Override
    public void check(Placeholders placeholders) {
      // a path's placeholders are checked when the path is bound
    }

    @Override
    public DocumentChange change(Item old, Placeholders placeholders) {
      return DocumentChange.Removal.INSTANCE;
    }
  }

  /** {@code ADD path :value}: a number to add or a set to unite with. */
  record AddAction(AttributePath path, String placeholder) implements UpdateAction {
    @Override
    public void check(Placeholders placeholders) {
      AttributeValue value = placeholders.value(placeholder);
      if (value.type() != AttributeType.N && !value.type().isSet()) {
        throw incorrectOperand("ADD", value);
      }
    }

    @Override
    public DocumentChange change(Item old, Placeholders placeholders) {
      return new DocumentChange.Addition(placeholders.value(placeholder));
    }
  }

  /** {@code DELETE path :value}: a set whose members to take away. */
  record DeleteAction(AttributePath path, String placeholder) implements UpdateAction {
    @Override
    public void check(Placeholders placeholders) {
      AttributeValue value = placeholders.value(placeholder);
      if (!value.type().isSet()) {
        throw incorrectOperand("DELETE", value);
      }
    }

    @Override
    public DocumentChange change(Item old, Placeholders placeholders) {
      return new DocumentChange.Deletion(placeholders.value(placeholder));
    }
  }

  /** DynamoDB's wording, with its long type names ("operand type: STRING"). */
  private static ExpressionException incorrectOperand(String action, AttributeValue value) {
    String type = switch (value.type()) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case BOOL -> "BOOLEAN";
      case NULL -> "NULL";
      case L -> "LIST";
      case M -> "MAP";
      default -> value.type().name();
    };
    return new ExpressionException(ExpressionKind.UPDATE.invalid()
        + "Incorrect operand type for operator or function; operator: " + action
        + ", operand type: " + type);
  }
}
