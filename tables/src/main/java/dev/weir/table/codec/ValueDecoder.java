package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what {@link ValueEncoder} writes, and skips it by its lengths without building values.
 * Every element takes at least one byte, so no count or length is believed beyond the bytes
 * that remain, and recursion stops at {@link Nesting#MAX_LEVEL}.
 */
final class ValueDecoder {
  private static final AttributeType[] BY_CODE = new AttributeType[16];

  static {
    for (AttributeType t : AttributeType.values()) {
      BY_CODE[t.code()] = t;
    }
  }

  private ValueDecoder() {}

  static Item readItem(ByteReader in) {
    return readItem(in, Item.empty());
  }

  /** The encoded item's attributes after those of {@code first}, which it must not repeat. */
  static Item readItem(ByteReader in, Item first) {
    int count = readHeader(in);
    Item.Builder item = first.toBuilder();
    for (int i = 0; i < count; i++) {
      String name = in.readName(in.readLength("an attribute name"));
      item.attribute(name, readValue(in, 1));
    }
    Item built = item.build();
    if (built.attributeCount() != count + first.attributeCount()) {
      throw in.fail("an attribute named twice");
    }
    if (!in.atEnd()) {
      throw in.fail(in.remaining() + " bytes after the last attribute");
    }
    return built;
  }

  /** The value of the attribute named by {@code utf8Name}, or null; others are skipped. */
  static AttributeValue readAttribute(ByteReader in, byte[] utf8Name) {
    int count = readHeader(in);
    for (int i = 0; i < count; i++) {
      if (in.skipMatching(in.readLength("an attribute name"), utf8Name)) {
        return readValue(in, 1);
      }
      skipValue(in, 1);
    }
    return null;
  }

  private static int readHeader(ByteReader in) {
    int version = in.readByte();
    if (version != ItemCodec.FORMAT_VERSION) {
      throw in.fail("format version " + version + " (this Weir reads version "
          + ItemCodec.FORMAT_VERSION + ")");
    }
    return in.readCount("an item");
  }

  private static AttributeValue readValue(ByteReader in, int level) {
    if (level > Nesting.MAX_LEVEL) {
      throw Nesting.tooDeep(" in an encoded item");
    }
    int tag = in.readByte();
    switch (typeOf(in, tag)) {
      case S:
        return AttributeValue.string(readText(in));
      case N:
        return AttributeValue.number(NumberCodec.read(in));
      case B:
        return AttributeValue.binary(readBinary(in));
      case BOOL:
        return AttributeValue.bool((tag & ValueEncoder.TRUE_FLAG) != 0);
      case NULL:
        return AttributeValue.nullValue();
      case L:
        return new AttributeValue.ListValue(
            members(in, "a list", member -> readValue(member, level + 1)));
      case M: {
        int count = in.readCount("a map");
        Map<String, AttributeValue> members = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          String name = readText(in);
          if (members.put(name, readValue(in, level + 1)) != null) {
            throw in.fail("a map key given twice");
          }
        }
        return new AttributeValue.MapValue(members);
      }
      case SS:
        return new AttributeValue.StringSetValue(
            members(in, "a string set", ValueDecoder::readText));
      case NS:
        return new AttributeValue.NumberSetValue(members(in, "a number set", NumberCodec::read));
      case BS:
        return new AttributeValue.BinarySetValue(
            members(in, "a binary set", ValueDecoder::readBinary));
      default:
        throw new IllegalStateException("no decoding for tag " + tag);
    }
  }

  private static void skipValue(ByteReader in, int level) {
    if (level > Nesting.MAX_LEVEL) {
      throw Nesting.tooDeep(" in an encoded item");
    }
    int tag = in.readByte();
    switch (typeOf(in, tag)) {
      case S, B -> in.skip(in.readLength("a string or binary"));
      case N -> NumberCodec.skip(in);
      case BOOL, NULL -> { }
      case L -> {
        for (int i = in.readCount("a list"); i > 0; i--) {
          skipValue(in, level + 1);
        }
      }
      case M -> {
        for (int i = in.readCount("a map"); i > 0; i--) {
          in.skip(in.readLength("a map key"));
          skipValue(in, level + 1);
        }
      }
      case SS, BS -> {
        for (int i = in.readCount("a set"); i > 0; i--) {
          in.skip(in.readLength("a set member"));
        }
      }
      case NS -> {
        for (int i = in.readCount("a number set"); i > 0; i--) {
          NumberCodec.skip(in);
        }
      }
      default -> throw new IllegalStateException("no skipping for tag " + tag);
    }
  }

  private static AttributeType typeOf(ByteReader in, int tag) {
    AttributeType type = BY_CODE[tag & 0x0F];
    int flags = tag & 0xF0;
    boolean flagsFit =
        flags == 0 || (type == AttributeType.BOOL && flags == ValueEncoder.TRUE_FLAG);
    if (type == null || !flagsFit) {
      throw in.fail(String.format("an unknown type tag 0x%02x", tag));
    }
    return type;
  }

  private static <T> List<T> members(ByteReader in, String what, Function<ByteReader, T> read) {
    int count = in.readCount(what);
    List<T> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      members.add(read.apply(in));
    }
    return members;
  }

  private static String readText(ByteReader in) {
    return in.readUtf8(in.readLength("a string"));
  }

  private static Bytes readBinary(ByteReader in) {
    int length = in.readLength("a binary");
    return length == 0 ? Bytes.EMPTY : Bytes.wrap(in.readBytes(length));
  }
}
