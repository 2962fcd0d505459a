package dev.weir.table.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Weir's binary form of an item, the value the engine stores for it: small and quick to read.
 *
 * <pre>
 * item      = version:1 count:varint (name value)*
 * name      = length:varint utf8
 * value     = tag:1 body        tag: the type's code, low 4 bits; 0x10 set for BOOL true
 *   S, B    = length:varint bytes
 *   N       = see NumberCodec (an integer like 30: one byte)
 *   BOOL    = (none)            NULL = (none)
 *   L       = count:varint value*
 *   M       = count:varint (name value)*
 *   SS, BS  = count:varint (length:varint bytes)*      NS = count:varint N*
 * </pre>
 *
 * <p>Decoding never trusts its input: a truncated, corrupt or hostile array is refused with an
 * {@link ItemValidationException} (a length is checked against the bytes remaining before
 * anything is allocated for it, text must be well-formed UTF-8, values nest at most 32 levels).
 * Encoding refuses values nested deeper than DynamoDB allows.
 */
public final class ItemCodec {
  /** The first byte of every encoded item; a different layout would get another. */
  static final int FORMAT_VERSION = 1;

  private static final int TYPICAL_ITEM_SIZE = 128;

  private ItemCodec() {}

  public static byte[] encode(Item item) {
    Objects.requireNonNull(item, "item");
    ByteWriter out = new ByteWriter(TYPICAL_ITEM_SIZE);
    out.put(FORMAT_VERSION);
    ValueEncoder.writeAttributes(out, item.attributes(), 1);
    return out.toArray();
  }

  /**
   * The encoded item of {@code item}'s attributes that {@code keep} accepts, in their order:
   * how a table stores an item without its key attributes, with no intermediate item built.
   */
  public static byte[] encode(Item item, Predicate<String> keep) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(keep, "keep");
    ByteWriter out = new ByteWriter(TYPICAL_ITEM_SIZE);
    out.put(FORMAT_VERSION);
    ValueEncoder.writeAttributes(out, item.attributes(), keep);
    return out.toArray();
  }

  public static Item decode(Bytes bytes) {
    return ValueDecoder.readItem(reader(bytes));
  }

  /**
   * The item of {@code first}'s attributes and the encoded ones, in one pass: how a table
   * rebuilds an item from the key attributes in its engine key and the rest in its value.
   * An encoded attribute named as one of {@code first}'s is refused as corrupt.
   */
  public static Item decode(Bytes bytes, Item first) {
    Objects.requireNonNull(first, "first");
    return ValueDecoder.readItem(reader(bytes), first);
  }

  public static Item decode(byte[] array, int offset, int length) {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
    return ValueDecoder.readItem(new ByteReader(array, offset, length));
  }

  /**
   * The value of one top-level attribute of an encoded item, or null when it has none by that
   * name; the attributes before it are skipped by their lengths, not decoded.
   */
  public static AttributeValue decodeAttribute(Bytes bytes, String name) {
    Objects.requireNonNull(name, "name");
    return ValueDecoder.readAttribute(reader(bytes), name.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteReader reader(Bytes bytes) {
    byte[] copy = Objects.requireNonNull(bytes, "bytes").toByteArray(); // see ByteReader
    return new ByteReader(copy, 0, copy.length);
  }
}
