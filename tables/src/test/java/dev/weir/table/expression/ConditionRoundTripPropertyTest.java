package dev.weir.table.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random condition trees, written out as text (with DynamoDB's precedence, random redundant
 * parentheses, keyword case and spacing), parsed and evaluated, agree with the same tree
 * evaluated directly by the tiny reference evaluator below, which shares no code with the parser
 * or the evaluator under test. Attribute values are small numbers and ASCII strings, or absent.
 */
class ConditionRoundTripPropertyTest {

  private static final String[] ATTRIBUTES = {"a", "b", "c"};
  private static final String[] STRINGS = {"", "x", "xy", "y"};
  private static final int NUMBERS = 4;

  /** A node of the reference model: it evaluates itself and writes itself as text. */
  private interface Node {
    boolean eval(Map<String, Object> item);

    /** Precedence: 1 for OR, 2 for AND, 3 for NOT, 4 for everything that binds tighter. */
    int precedence();

    String render(Random random);
  }

  @Property(tries = 3000, seed = "7341")
  void aParsedConditionAgreesWithTheTreeItWasWrittenFrom(@ForAll long seed) {
    Random random = new Random(seed);
    Node tree = node(random, 4);
    String text = tree.render(random);
    Map<String, Object> model = new LinkedHashMap<>();
    Item.Builder item = Item.builder();
    for (String attribute : ATTRIBUTES) {
      Object value = randomValue(random);
      if (value != null) {
        model.put(attribute, value);
        item.attribute(attribute, toAttribute(value));
      }
    }
    Placeholders placeholders = placeholders();
    boolean expected = tree.eval(model);
    boolean actual = ConditionExpression.parse(text).test(item.build(), placeholders);
    assertEquals(expected, actual, text + " on " + model);
  }

  private static Placeholders placeholders() {
    Placeholders.Builder p = Placeholders.builder().name("#b", "b");
    for (int i = 0; i < NUMBERS; i++) {
      p.value(":n" + i, AttributeValue.number(i));
      p.value(":s" + i, AttributeValue.string(STRINGS[i]));
    }
    return p.build();
  }

  private static Object randomValue(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> (long) random.nextInt(NUMBERS);
      default -> STRINGS[random.nextInt(STRINGS.length)];
    };
  }

  private static AttributeValue toAttribute(Object value) {
    return value instanceof Long n ? AttributeValue.number(n)
        : AttributeValue.string((String) value);
  }

  // ---------------------------------------------------------------- operands

  /** An operand: an attribute (maybe through #b) or a constant placeholder. */
  private record Ref(String attribute, Object constant, String text) {
    Object value(Map<String, Object> item) {
      return attribute != null ? item.get(attribute) : constant;
    }
  }

  private static Ref attribute(Random random) {
    String name = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
    return new Ref(name, null, name.equals("b") && random.nextBoolean() ? "#b" : name);
  }

  private static Ref constant(Random random) {
    int i = random.nextInt(NUMBERS);
    return random.nextBoolean() ? new Ref(null, (long) i, ":n" + i)
        : new Ref(null, STRINGS[i], ":s" + i);
  }

  private static Ref operand(Random random) {
    return random.nextInt(3) == 0 ? constant(random) : attribute(random);
  }

  // ---------------------------------------------------------------- reference semantics

  private static boolean equal(Object x, Object y) {
    return x != null && x.equals(y);
  }

  /** The order of two present values of one type, or null when they have none. */
  private static Integer order(Object x, Object y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    if (x instanceof String a && y instanceof String b) {
      return a.compareTo(b); // ASCII only: UTF-16 order is code point order
    }
    return null;
  }

  private static boolean compare(String op, Object x, Object y) {
    if (op.equals("=")) {
      return equal(x, y);
    }
    if (op.equals("<>")) {
      return !equal(x, y);
    }
    Integer o = order(x, y);
    return o != null && switch (op) {
      case "<" -> o < 0;
      case "<=" -> o <= 0;
      case ">" -> o > 0;
      default -> o >= 0;
    };
  }

  private static final String[] OPERATORS = {"=", "<>", "<", "<=", ">", ">="};

  // ---------------------------------------------------------------- random trees

  private static Node node(Random random, int depth) {
    int kind = depth == 0 ? 3 + random.nextInt(7) : random.nextInt(10);
    return switch (kind) {
      case 0 -> logical(random, depth, true);
      case 1 -> logical(random, depth, false);
      case 2 -> not(node(random, depth - 1));
      case 3, 4 -> comparison(random);
      case 5 -> between(random);
      case 6 -> in(random);
      case 7 -> exists(random);
      case 8 -> stringFunction(random);
      default -> sizeComparison(random);
    };
  }

  private static Node logical(Random random, int depth, boolean and) {
    List<Node> operands = new ArrayList<>();
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      operands.add(node(random, depth - 1));
    }
    String keyword = and ? "AND" : "OR";
    return new Node() {
      public boolean eval(Map<String, Object> item) {
        return and ? operands.stream().allMatch(o -> o.eval(item))
            : operands.stream().anyMatch(o -> o.eval(item));
      }

      public int precedence() {
        return and ? 2 : 1;
      }

      public String render(Random r) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < operands.size(); i++) {
          if (i > 0) {
            text.append(gap(r)).append(keyword(r, keyword)).append(gap(r));
          }
          // an operand of equal precedence needs no parentheses: AND and OR associate
          text.append(child(operands.get(i), precedence(), r));
        }
        return text.toString();
      }
    };
  }

  private static Node not(Node operand) {
    return new Node() {
      public boolean eval(Map<String, Object> item) {
        return !operand.eval(item);
      }

      public int precedence() {
        return 3;
      }

      public String render(Random r) {
        return keyword(r, "NOT") + " " + child(operand, 3, r);
      }
    };
  }

  private static Node comparison(Random random) {
    Ref left = operand(random);
    Ref right = operand(random);
    if (left.text().equals(right.text()) && left.attribute() != null) {
      right = constant(random); // DynamoDB refuses the same path on both sides
    }
    String op = OPERATORS[random.nextInt(OPERATORS.length)];
    Ref l = left;
    Ref r = right;
    return leaf(item -> compare(op, l.value(item), r.value(item)),
        rnd -> l.text() + space(rnd) + op + space(rnd) + r.text());
  }

  private static Node between(Random random) {
    Ref subject = operand(random);
    Ref low = operand(random);
    Ref high = operand(random);
    if (low.attribute() == null && high.attribute() == null) {
      // two constant bounds must share a type and be in order, or DynamoDB refuses them
      high = new Ref(null, low.constant(), low.text());
    }
    Ref h = high;
    return leaf(item -> {
      Object v = subject.value(item);
      Integer fromLow = order(v, low.value(item));
      Integer toHigh = order(v, h.value(item));
      return fromLow != null && toHigh != null && fromLow >= 0 && toHigh <= 0;
    }, r -> subject.text() + " " + keyword(r, "BETWEEN") + " " + low.text() + " "
        + keyword(r, "AND") + " " + h.text());
  }

  private static Node in(Random random) {
    Ref subject = operand(random);
    List<Ref> candidates = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      candidates.add(operand(random));
    }
    return leaf(item -> candidates.stream()
            .anyMatch(c -> equal(subject.value(item), c.value(item))),
        r -> {
          StringBuilder text = new StringBuilder(subject.text()).append(' ')
              .append(keyword(r, "IN")).append(" (");
          for (int i = 0; i < candidates.size(); i++) {
            text.append(i == 0 ? "" : "," + space(r)).append(candidates.get(i).text());
          }
          return text.append(')').toString();
        });
  }

  private static Node exists(Random random) {
    Ref path = attribute(random);
    boolean exists = random.nextBoolean();
    return leaf(item -> (path.value(item) != null) == exists,
        r -> (exists ? "attribute_exists" : "attribute_not_exists") + space(r) + "(" + path.text()
            + ")");
  }

  private static Node stringFunction(Random random) {
    Ref path = attribute(random);
    int i = random.nextInt(STRINGS.length);
    boolean beginsWith = random.nextBoolean();
    return leaf(item -> path.value(item) instanceof String s
            && (beginsWith ? s.startsWith(STRINGS[i]) : s.contains(STRINGS[i])),
        r -> (beginsWith ? "begins_with(" : "contains(") + path.text() + "," + space(r) + ":s"
            + i + ")");
  }

  private static Node sizeComparison(Random random) {
    Ref path = attribute(random);
    int n = random.nextInt(NUMBERS);
    String op = OPERATORS[random.nextInt(OPERATORS.length)];
    return leaf(item -> compare(op,
            path.value(item) instanceof String s ? (Object) (long) s.length() : null, (long) n),
        r -> "size(" + path.text() + ")" + space(r) + op + space(r) + ":n" + n);
  }

  private interface Eval {
    boolean eval(Map<String, Object> item);
  }

  private interface Render {
    String render(Random random);
  }

  private static Node leaf(Eval eval, Render render) {
    return new Node() {
      public boolean eval(Map<String, Object> item) {
        return eval.eval(item);
      }

      public int precedence() {
        return 4;
      }

      public String render(Random r) {
        return render.render(r);
      }
    };
  }

  // ---------------------------------------------------------------- writing text

  /** {@code child} as an operand of a node of precedence {@code parent}. */
  private static String child(Node child, int parent, Random r) {
    String text = child.render(r);
    boolean needed = child.precedence() < parent;
    return needed || r.nextInt(6) == 0 ? "(" + space(r) + text + space(r) + ")" : text;
  }

  private static String keyword(Random r, String keyword) {
    return switch (r.nextInt(3)) {
      case 0 -> keyword;
      case 1 -> keyword.toLowerCase(Locale.ROOT);
      default -> keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT);
    };
  }

  /** Whitespace where a keyword needs some: never empty. */
  private static String gap(Random r) {
    return r.nextBoolean() ? " " : "\n\t";
  }

  /** Whitespace where none is needed: maybe empty. */
  private static String space(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "";
      case 1 -> "  ";
      case 2 -> "\n";
      default -> " ";
    };
  }
}
