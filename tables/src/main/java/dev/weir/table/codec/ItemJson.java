package dev.weir.table.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * DynamoDB's JSON form of items and attribute values: {@code {"name": {"S": "Alice"}, "age":
 * {"N": "30"}, "ok": {"BOOL": true}, "n": {"NULL": true}, "data": {"B": "base64"}, "l": {"L":
 * [...]}, "m": {"M": {...}}, "ss": {"SS": [...]}, "ns": {"NS": ["1"]}, "bs": {"BS": [...]}}}.
 * Numbers are JSON strings, binaries standard base64.
 *
 * <p>Reading is as strict as DynamoDB: anything malformed (not an object, an unknown or second
 * type key, {@code {"NULL": false}}, a JSON number for N, bad base64, an empty or duplicated
 * set, a name given twice, content after the end, values nested deeper than 32 levels) is an
 * {@link ItemValidationException} that says what and where, as a JSONPath ({@code at $.m.M.x}).
 * The parser and generator methods let a server embed items in larger documents; their paths
 * start at the item or value read.
 */
public final class ItemJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ItemJson() {}

  public static String write(Item item) {
    Objects.requireNonNull(item, "item");
    return generate(out -> write(out, item));
  }

  public static Item read(String json) {
    return parseWhole(json, JsonItemReader::item);
  }

  public static String writeValue(AttributeValue value) {
    Objects.requireNonNull(value, "value");
    return generate(out -> writeValue(out, value));
  }

  public static AttributeValue readValue(String json) {
    return parseWhole(json, JsonItemReader::value);
  }

  /** Writes {@code item} as one JSON object at the generator's position. */
  public static void write(JsonGenerator out, Item item) throws IOException {
    writeAttributes(out, item.attributes(), 1);
  }

  public static void writeValue(JsonGenerator out, AttributeValue value) throws IOException {
    writeValue(out, value, 1);
  }

  /**
   * Reads an item from the parser's current token, or from its next when it has none yet, and
   * leaves the parser on the item's closing brace. Malformed JSON and malformed items are
   * {@link ItemValidationException}s; other {@link IOException}s are the input's.
   */
  public static Item read(JsonParser in) throws IOException {
    return new JsonItemReader(Objects.requireNonNull(in, "in")).item();
  }

  /** Reads an attribute value as {@link #read(JsonParser)} reads an item. */
  public static AttributeValue readValue(JsonParser in) throws IOException {
    return new JsonItemReader(Objects.requireNonNull(in, "in")).value();
  }

  private static void writeAttributes(
      JsonGenerator out, Map<String, AttributeValue> attributes, int level) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      out.writeFieldName(e.getKey());
      writeValue(out, e.getValue(), level);
    }
    out.writeEndObject();
  }

  private static void writeValue(JsonGenerator out, AttributeValue value, int level)
      throws IOException {
    if (level > Nesting.MAX_LEVEL) {
      throw Nesting.tooDeep("");
    }
    out.writeStartObject();
    out.writeFieldName(value.type().name());
    switch (value.type()) {
      case S -> out.writeString(((AttributeValue.StringValue) value).value());
      case N -> out.writeString(((AttributeValue.NumberValue) value).text());
      case B -> out.writeString(base64(((AttributeValue.BinaryValue) value).value()));
      case BOOL -> out.writeBoolean(((AttributeValue.BooleanValue) value).value());
      case NULL -> out.writeBoolean(true);
      case L -> {
        out.writeStartArray();
        for (AttributeValue member : ((AttributeValue.ListValue) value).values()) {
          writeValue(out, member, level + 1);
        }
        out.writeEndArray();
      }
      case M -> writeAttributes(out, ((AttributeValue.MapValue) value).values(), level + 1);
      case SS -> {
        out.writeStartArray();
        for (String member : ((AttributeValue.StringSetValue) value).members()) {
          out.writeString(member);
        }
        out.writeEndArray();
      }
      case NS -> {
        out.writeStartArray();
        for (BigDecimal member : ((AttributeValue.NumberSetValue) value).members()) {
          out.writeString(member.toPlainString());
        }
        out.writeEndArray();
      }
      case BS -> {
        out.writeStartArray();
        for (Bytes member : ((AttributeValue.BinarySetValue) value).members()) {
          out.writeString(base64(member));
        }
        out.writeEndArray();
      }
      default -> throw new IllegalStateException("no JSON for " + value.type());
    }
    out.writeEndObject();
  }

  private static String base64(Bytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private interface Generation {
    void accept(JsonGenerator out) throws IOException;
  }

  private interface Parsing<T> {
    T apply(JsonItemReader in) throws IOException;
  }

  private static String generate(Generation generation) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      generation.accept(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string", e);
    }
    return text.toString();
  }

  /** What {@code parsing} reads from the whole of {@code json}, refusing anything after it. */
  private static <T> T parseWhole(String json, Parsing<T> parsing) {
    Objects.requireNonNull(json, "json");
    try (JsonParser in = JSON.createParser(json)) {
      JsonItemReader reader = new JsonItemReader(in);
      T read = parsing.apply(reader);
      reader.expectEnd();
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from a string", e);
    }
  }
}
