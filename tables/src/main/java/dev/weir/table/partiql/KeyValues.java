package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyAttribute;
import java.util.List;

/** The key a planned statement names, bound to its parameters and checked against the schema. */
final class KeyValues {

  private KeyValues() {}

  /** The full primary key of a GET, UPDATE or DELETE. */
  static Item key(Planned plan, List<AttributeValue> parameters) {
    Item.Builder key = Item.builder();
    KeyAttribute pk = plan.key().partitionKey();
    key.attribute(pk.name(), checked(pk, plan.partitionValue(), parameters));
    if (plan.sortValue() != null) {
      KeyAttribute sk = plan.key().sortKey();
      key.attribute(sk.name(), checked(sk, plan.sortValue(), parameters));
    }
    return key.build();
  }

  /** The value of {@code e}, refused unless it has the type of key attribute {@code a}. */
  static AttributeValue checked(KeyAttribute a, Expr e, List<AttributeValue> parameters) {
    AttributeValue v = Values.of(e, parameters);
    if (v.type() != a.type()) {
      throw new ItemValidationException("attribute type mismatch: key attribute " + a.name()
          + " is of type " + a.type() + ", the statement compares it with " + e + " of type "
          + v.type());
    }
    return v;
  }

  /** Checks every constant operand of a query's sort key condition against the key's type. */
  static void checkSortCondition(KeyAttribute sk, Expr condition, List<AttributeValue> params) {
    List<Expr> operands;
    if (condition instanceof Expr.Comparison c) {
      operands = List.of(c.left(), c.right());
    } else if (condition instanceof Expr.Between b) {
      operands = List.of(b.low(), b.high());
    } else {
      operands = ((Expr.Call) condition).arguments();
    }
    for (Expr e : operands) {
      if (Expr.isConstant(e)) {
        checked(sk, e, params);
      }
    }
  }
}
