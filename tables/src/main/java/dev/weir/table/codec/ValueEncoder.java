package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Writes attributes in Weir's item layout (see {@link ItemCodec}): per value a tag byte, the
 * type's {@link AttributeType#code()} in the low four bits (a true boolean sets {@link
 * #TRUE_FLAG}), then the value: text and binary as a varint length and the bytes, numbers as
 * {@link NumberCodec} writes them, lists and sets as a varint count and the members, maps as
 * a count and name/value pairs.
 */
final class ValueEncoder {
  static final int TRUE_FLAG = 0x10;

  private ValueEncoder() {}

  static void writeAttributes(ByteWriter out, Map<String, AttributeValue> attributes, int level) {
    out.putVarint(attributes.size());
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      writeText(out, e.getKey());
      writeValue(out, e.getValue(), level);
    }
  }

  /** The top-level attributes {@code keep} accepts, counted first: the count leads. */
  static void writeAttributes(
      ByteWriter out, Map<String, AttributeValue> attributes, Predicate<String> keep) {
    int kept = 0;
    for (String name : attributes.keySet()) {
      if (keep.test(name)) {
        kept++;
      }
    }
    out.putVarint(kept);
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      if (keep.test(e.getKey())) {
        writeText(out, e.getKey());
        writeValue(out, e.getValue(), 1);
      }
    }
  }

  static void writeValue(ByteWriter out, AttributeValue value, int level) {
    if (level > Nesting.MAX_LEVEL) {
      throw Nesting.tooDeep("");
    }
    AttributeType type = value.type();
    int tag = type.code();
    switch (type) {
      case S -> {
        out.put(tag);
        writeText(out, ((AttributeValue.StringValue) value).value());
      }
      case N -> {
        out.put(tag);
        NumberCodec.write(out, ((AttributeValue.NumberValue) value).value());
      }
      case B -> {
        out.put(tag);
        writeBinary(out, ((AttributeValue.BinaryValue) value).value());
      }
      case BOOL -> out.put(((AttributeValue.BooleanValue) value).value() ? tag | TRUE_FLAG : tag);
      case NULL -> out.put(tag);
      case L -> {
        out.put(tag);
        writeMembers(out, ((AttributeValue.ListValue) value).values(),
            (o, member) -> writeValue(o, member, level + 1));
      }
      case M -> {
        out.put(tag);
        writeAttributes(out, ((AttributeValue.MapValue) value).values(), level + 1);
      }
      case SS -> {
        out.put(tag);
        writeMembers(out, ((AttributeValue.StringSetValue) value).members(),
            ValueEncoder::writeText);
      }
      case NS -> {
        out.put(tag);
        writeMembers(out, ((AttributeValue.NumberSetValue) value).members(), NumberCodec::write);
      }
      case BS -> {
        out.put(tag);
        writeMembers(out, ((AttributeValue.BinarySetValue) value).members(),
            ValueEncoder::writeBinary);
      }
      default -> throw new IllegalStateException("no encoding for " + type);
    }
  }

  private static <T> void writeMembers(
      ByteWriter out, List<T> members, BiConsumer<ByteWriter, T> write) {
    out.putVarint(members.size());
    for (T member : members) {
      write.accept(out, member);
    }
  }

  private static void writeText(ByteWriter out, String text) {
    // the JDK's encoder is intrinsic for Latin-1 strings; values are valid UTF-16 by construction
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.putVarint(utf8.length);
    out.put(utf8);
  }

  private static void writeBinary(ByteWriter out, Bytes bytes) {
    out.putVarint(bytes.length());
    out.put(bytes.asReadOnlyByteBuffer());
  }
}
