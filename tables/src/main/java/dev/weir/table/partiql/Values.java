package dev.weir.table.partiql;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.ItemValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the value of a constant expression (literals, parameters and constructors of them). */
final class Values {

  private Values() {}

  static AttributeValue of(Expr e, List<AttributeValue> parameters) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    }
    if (e instanceof Expr.Parameter p) {
      return parameters.get(p.number());
    }
    if (e instanceof Expr.ListOf l) {
      List<AttributeValue> elements = new ArrayList<>(l.elements().size());
      l.elements().forEach(x -> elements.add(of(x, parameters)));
      return AttributeValue.list(elements);
    }
    if (e instanceof Expr.MapOf m) {
      Map<String, AttributeValue> entries = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> entries.put(k, of(v, parameters)));
      return AttributeValue.map(entries);
    }
    if (e instanceof Expr.SetOf s) {
      return set(s, parameters);
    }
    throw new ExpressionException("not a value: " + e);
  }

  private static AttributeValue set(Expr.SetOf s, List<AttributeValue> parameters) {
    List<AttributeValue> members = new ArrayList<>(s.members().size());
    s.members().forEach(x -> members.add(of(x, parameters)));
    AttributeType type = members.get(0).type();
    for (AttributeValue m : members) {
      if (m.type() != type || !type.isScalarKeyType()) {
        throw new ItemValidationException("a set holds strings, numbers or binaries, all of one"
            + " type: " + s + " mixes " + type + " and " + m.type());
      }
    }
    switch (type) {
      case S: {
        List<String> strings = new ArrayList<>();
        members.forEach(m -> strings.add(((AttributeValue.StringValue) m).value()));
        return AttributeValue.stringSet(strings);
      }
      case N: {
        List<Object> numbers = new ArrayList<>();
        members.forEach(m -> numbers.add(((AttributeValue.NumberValue) m).value()));
        return AttributeValue.numberSet(numbers);
      }
      default: {
        List<Bytes> binaries = new ArrayList<>();
        members.forEach(m -> binaries.add(((AttributeValue.BinaryValue) m).value()));
        return AttributeValue.binarySet(binaries);
      }
    }
  }
}
