package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ItemValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Key values (S, N, B) as engine key bytes whose unsigned order is DynamoDB's order of the
 * values: strings by UTF-8 bytes (code points), binaries by unsigned bytes, numbers numerically.
 * Each form is self-delimiting, so a partition key's followed by a sort key's sorts by
 * (partition, sort) with no prefix ambiguity.
 *
 * <p>Strings and binaries are their bytes with each 0x00 written 0x00 0xFF, ended by 0x00 0x01
 * (FoundationDB's tuple layer, with a two-byte end so that what follows can start with any
 * byte): a shorter value ends with 0x00 0x01 where a longer one has 0x00 0xFF or a byte from
 * 0x01 up. Numbers are {@link OrderedNumber}'s form. A key holds no type tags: the table's
 * schema says each key attribute's type.
 */
public final class KeyCodec {
  private static final int ESCAPE = 0xFF;
  private static final int END = 0x01;

  private KeyCodec() {}

  /** Appends {@code scalar}'s key form; refuses a value not of type S, N or B. */
  public static void append(KeyBuilder key, AttributeValue scalar) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scalar, "scalar");
    ByteWriter out = key.writer();
    if (scalar instanceof AttributeValue.StringValue s) {
      byte[] utf8 = s.value().getBytes(StandardCharsets.UTF_8);
      appendEscaped(out, utf8);
    } else if (scalar instanceof AttributeValue.BinaryValue b) {
      appendEscaped(out, b.value().toByteArray());
    } else if (scalar instanceof AttributeValue.NumberValue n) {
      OrderedNumber.write(out, n.value());
    } else {
      throw new ItemValidationException(
          "a key value is of type S, N or B, not " + scalar.type());
    }
  }

  /** {@code scalar}'s key form alone. */
  public static Bytes encode(AttributeValue scalar) {
    KeyBuilder key = new KeyBuilder();
    append(key, scalar);
    return key.toBytes();
  }

  /**
   * The key form of a string or binary without its end: a prefix of the key form of exactly the
   * values that begin with {@code scalar} (escaping maps each byte on its own), which is what
   * {@code begins_with} on a sort key reads.
   */
  public static Bytes encodePrefix(AttributeValue scalar) {
    if (!(scalar instanceof AttributeValue.StringValue)
        && !(scalar instanceof AttributeValue.BinaryValue)) {
      throw new ItemValidationException(
          "begins_with applies to a string or binary, not " + scalar.type());
    }
    Bytes whole = encode(scalar);
    return whole.slice(0, whole.length() - 2);
  }

  /**
   * Reads back a value of {@code type} written by {@link #append} at {@code offsetInOut[0]} of
   * {@code key}, and moves {@code offsetInOut[0]} past it (to read a sort key after a partition
   * key, or a table key back from an index key).
   */
  public static AttributeValue read(Bytes key, int[] offsetInOut, AttributeType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    if (offsetInOut == null || offsetInOut.length < 1) {
      throw new IllegalArgumentException("offsetInOut must hold the offset to read at");
    }
    Objects.checkIndex(offsetInOut[0], key.length() + 1);
    KeyReader in = new KeyReader(key, offsetInOut[0]);
    AttributeValue value = switch (type) {
      case S -> {
        byte[] utf8 = readEscaped(in);
        if (!Utf8.isWellFormed(utf8, 0, utf8.length)) {
          throw in.fail("a string that is not well-formed UTF-8");
        }
        yield AttributeValue.string(new String(utf8, StandardCharsets.UTF_8));
      }
      case B -> AttributeValue.binary(Bytes.wrap(readEscaped(in)));
      case N -> AttributeValue.number(OrderedNumber.read(in));
      default -> throw new ItemValidationException(
          "a key value is of type S, N or B, not " + type);
    };
    offsetInOut[0] = in.position();
    return value;
  }

  private static void appendEscaped(ByteWriter out, byte[] bytes) {
    out.putEscaped(bytes, 0, bytes.length, ESCAPE);
    out.put(0);
    out.put(END);
  }

  private static byte[] readEscaped(KeyReader in) {
    ByteWriter out = new ByteWriter(32);
    while (true) {
      int b = in.next();
      if (b != 0) {
        out.put(b);
        continue;
      }
      int next = in.next();
      if (next == END) {
        return out.toArray();
      }
      if (next != ESCAPE) {
        throw in.fail(String.format("0x00 followed by 0x%02x (not an escape nor an end)", next));
      }
      out.put(0);
    }
  }
}
