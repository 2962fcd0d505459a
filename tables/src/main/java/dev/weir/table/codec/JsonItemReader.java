package dev.weir.table.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.StringRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads DynamoDB's JSON form of items and values from a Jackson parser, as strictly as
 * DynamoDB: every refusal is an {@link ItemValidationException} that says what was wrong and
 * where ({@code at $.m.M.x}). One reader reads one document; it is owned by its thread.
 */
final class JsonItemReader {
  private final JsonParser parser;
  private final JsonPath path = new JsonPath();

  JsonItemReader(JsonParser parser) {
    this.parser = parser;
  }

  /** An item starting at the parser's current token (or its next, before the first). */
  Item item() throws IOException {
    try {
      if (start() != JsonToken.START_OBJECT) {
        throw fail("expected an item, a JSON object of attributes, found " + found());
      }
      return Item.of(namedValues(1, true));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** A value ({@code {"S": "text"}}) starting as {@link #item()} does. */
  AttributeValue value() throws IOException {
    try {
      start();
      return value(1);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Refuses anything after the document read. */
  void expectEnd() throws IOException {
    try {
      if (parser.nextToken() != null) {
        throw fail("content after the end: " + found());
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private JsonToken start() throws IOException {
    JsonToken token = parser.currentToken();
    return token != null ? token : parser.nextToken();
  }

  private AttributeValue value(int level) throws IOException {
    if (level > Nesting.MAX_LEVEL) {
      throw Nesting.tooDeep(" at " + path);
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw fail("expected an attribute value, an object like {\"S\": \"text\"}, found " + found());
    }
    if (next() != JsonToken.FIELD_NAME) {
      throw fail("an attribute value without a type (S, N, B, BOOL, NULL, L, M, SS, NS or BS)");
    }
    String typeName = parser.currentName();
    path.push(typeName);
    AttributeType type = checked(() -> AttributeType.ofName(typeName));
    next();
    AttributeValue value = typed(type, level);
    path.pop();
    if (next() == JsonToken.FIELD_NAME) {
      throw fail("two types in one attribute value: " + typeName + " and " + parser.currentName());
    }
    return value;
  }

  private AttributeValue typed(AttributeType type, int level) throws IOException {
    switch (type) {
      case S: {
        String text = text("a string");
        return checked(() -> AttributeValue.string(text));
      }
      case N:
        return AttributeValue.number(number());
      case B:
        return AttributeValue.binary(binary());
      case BOOL:
        if (!parser.currentToken().isBoolean()) {
          throw fail("BOOL takes true or false, not " + found());
        }
        return AttributeValue.bool(parser.currentToken() == JsonToken.VALUE_TRUE);
      case NULL:
        if (parser.currentToken() != JsonToken.VALUE_TRUE) {
          throw fail("NULL takes only true, not " + found());
        }
        return AttributeValue.nullValue();
      case L:
        return new AttributeValue.ListValue(array("L", () -> value(level + 1)));
      case M:
        return map(level);
      case SS:
        List<String> strings = array("SS", () -> {
          String text = text("a string");
          return checked(() -> AttributeValue.string(text)).value();
        });
        return checked(() -> new AttributeValue.StringSetValue(strings));
      case NS:
        List<BigDecimal> numbers = array("NS", this::number);
        return checked(() -> new AttributeValue.NumberSetValue(numbers));
      case BS:
        List<Bytes> binaries = array("BS", this::binary);
        return checked(() -> new AttributeValue.BinarySetValue(binaries));
      default:
        throw new IllegalStateException("no JSON for " + type);
    }
  }

  private AttributeValue map(int level) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw fail("M takes an object of named values, not " + found());
    }
    return new AttributeValue.MapValue(namedValues(level + 1, false));
  }

  /**
   * The members of the object at the parser, each a value at {@code level}: an item's
   * attributes, whose names must not be empty, or a map's.
   */
  private Map<String, AttributeValue> namedValues(int level, boolean attributes)
      throws IOException {
    Map<String, AttributeValue> members = new LinkedHashMap<>();
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      path.push(name);
      if (attributes && name.isEmpty()) {
        throw fail("an attribute name must not be empty");
      }
      checked(() -> {
        StringRules.checkUtf16(name, attributes ? "an attribute name" : "a map key");
        return null;
      });
      next();
      if (members.put(name, value(level)) != null) {
        throw fail(attributes ? "an attribute given twice" : "a map key given twice");
      }
      path.pop();
    }
    return members;
  }

  private interface Member<T> {
    T read() throws IOException;
  }

  /** The members of the array {@code type} takes, each read where the path names its index. */
  private <T> List<T> array(String type, Member<T> member) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw fail(type + " takes an array, not " + found());
    }
    List<T> members = new ArrayList<>();
    for (int i = 0; next() != JsonToken.END_ARRAY; i++) {
      path.push(i);
      members.add(member.read());
      path.pop();
    }
    return members;
  }

  /** The next token; the parser refuses an end inside a structure, and so does this. */
  private JsonToken next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail("the input ends inside a value");
    }
    return token;
  }

  private String text(String what) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(what + " is a JSON string, not " + found());
    }
    return parser.getText();
  }

  private BigDecimal number() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      throw fail("a number is written as a JSON string ({\"N\": \"" + parser.getText()
          + "\"}), not as a JSON number");
    }
    String text = text("a number");
    return checked(() -> AttributeValue.number(text)).value();
  }

  private Bytes binary() throws IOException {
    String text = text("a binary (base64)");
    try {
      return Bytes.wrap(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw fail("not base64: " + e.getMessage());
    }
  }

  private <T> T checked(Supplier<T> build) {
    try {
      return build.get();
    } catch (ItemValidationException e) {
      throw fail(e.getMessage());
    }
  }

  private String found() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of the input";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      default:
        return token.asString() == null ? token.name() : token.asString();
    }
  }

  private ItemValidationException fail(String problem) {
    return new ItemValidationException(problem + " at " + path);
  }

  private ItemValidationException malformed(JsonProcessingException e) {
    var where = e.getLocation();
    return new ItemValidationException("malformed JSON at " + path
        + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr()
            + ")")
        + ": " + e.getOriginalMessage());
  }
}
