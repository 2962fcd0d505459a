package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A stored value that is corrupt (or was never an item) must come out as an
 * ItemValidationException: never an index or arithmetic exception, never a hang, never an
 * allocation sized by a bogus length.
 */
class ItemCodecRefusesMalformedInputTest {

  @Provide
  Arbitrary<byte[]> garbage() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    // most random arrays fail at the version byte; these get past it
    Arbitrary<byte[]> versioned = random.map(b -> {
      byte[] withVersion = b.clone();
      if (withVersion.length > 0) {
        withVersion[0] = (byte) ItemCodec.FORMAT_VERSION;
      }
      return withVersion;
    });
    return Arbitraries.oneOf(random, versioned);
  }

  @Provide
  Arbitrary<Item> items() {
    return ItemArbitraries.items();
  }

  @Property(seed = "1411", tries = 2000)
  void randomBytesDecodeOrAreRefused(@ForAll("garbage") byte[] bytes) {
    decodeEveryWay(bytes);
  }

  @Property(seed = "1412", tries = 200)
  void everyTruncationOfAnItemIsRefused(@ForAll("items") Item item) {
    byte[] encoded = ItemCodec.encode(item);
    for (int length = 0; length < encoded.length; length++) {
      int cut = length;
      assertThrows(ItemValidationException.class,
          () -> ItemCodec.decode(encoded, 0, cut), () -> "prefix of " + cut + " bytes");
    }
  }

  @Property(seed = "1413", tries = 500)
  void corruptedItemsDecodeOrAreRefused(@ForAll("items") Item item, @ForAll long seed) {
    byte[] encoded = ItemCodec.encode(item);
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      byte[] corrupt = encoded.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        int at = random.nextInt(corrupt.length);
        corrupt[at] = random.nextBoolean()
            ? (byte) random.nextInt(256)
            : (byte) (corrupt[at] ^ (1 << random.nextInt(8)));
      }
      decodeEveryWay(corrupt);
    }
  }

  @Test
  void aHugeLengthIsRefusedBeforeAnythingIsAllocated() {
    byte[] bytes = encoded(1, 1, 1, 'a', 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07);
    ItemValidationException e = refused(bytes);
    assertTrue(e.getMessage().contains("a string of 2147483647 bytes where 0 bytes remain"),
        e.getMessage());
    assertRefused(encoded(1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "an item of 4294967295 elements");
    assertRefused(encoded(1, 1, 1, 'a', 6, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "a list of");
  }

  @Test
  void aVarintLongerThanSixtyFourBitsIsRefused() {
    assertRefused(encoded(1, 1, 1, 'a', 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x7F), "longer than 64 bits");
  }

  @Test
  void anUnknownVersionTagOrFlagIsRefused() {
    assertRefused(encoded(2, 0), "format version 2");
    assertRefused(encoded(1, 1, 1, 'a', 11), "unknown type tag 0x0b");
    assertRefused(encoded(1, 1, 1, 'a', 0), "unknown type tag 0x00");
    assertRefused(encoded(1, 1, 1, 'a', 0x15), "unknown type tag 0x15");
    assertEquals(Item.builder().bool("a", true).build(),
        ItemCodec.decode(Bytes.wrap(encoded(1, 1, 1, 'a', 0x14))));
  }

  @Test
  void bytesAfterTheLastAttributeAreRefused() {
    assertRefused(encoded(1, 1, 1, 'a', 5, 0), "1 bytes after the last attribute");
  }

  @Test
  void aNameGivenTwiceIsRefused() {
    assertRefused(encoded(1, 2, 1, 'a', 5, 1, 'a', 5), "an attribute named twice");
    assertRefused(encoded(1, 1, 1, 'a', 7, 2, 1, 'k', 5, 1, 'k', 5), "a map key given twice");
    assertRefused(encoded(1, 1, 0, 5), "must not be null or empty");
  }

  @Test
  void malformedUtf8IsRefused() {
    assertRefused(encoded(1, 1, 1, 'a', 1, 2, 0xC0, 0xAF), "not well-formed UTF-8"); // overlong
    assertRefused(encoded(1, 1, 1, 'a', 1, 3, 0xED, 0xA0, 0x80), "not well-formed"); // surrogate
    assertRefused(encoded(1, 1, 1, 'a', 1, 1, 0x80), "not well-formed"); // lone continuation
    assertRefused(encoded(1, 1, 1, 'a', 1, 2, 0xE2, 0x82), "not well-formed"); // cut short
    assertRefused(encoded(1, 1, 2, 0xC3, 0x28, 5), "not well-formed"); // in a name
  }

  @Test
  void invalidSetsAndNumbersAreRefused() {
    assertRefused(encoded(1, 1, 1, 'a', 8, 0), "must not be empty");
    assertRefused(encoded(1, 1, 1, 'a', 8, 2, 1, 'x', 1, 'x'), "must not hold duplicates");
    // 1 at scale 131: 1E-131, below DynamoDB's smallest magnitude
    assertRefused(encoded(1, 1, 1, 'a', 2, 0x99, 0x08, 2), "magnitude");
    assertRefused(encoded(1, 1, 1, 'a', 2, 0x03, 0), "a number of 0 bytes");
    assertRefused(encoded(1, 1, 1, 'a', 2, 0xC1, 0x3E, 2), "scale of 1000");
  }

  @Test
  void valuesNestedDeeperThanThirtyTwoLevelsAreRefused() {
    assertEquals(ItemArbitraries.nestedMaps(31),
        ItemCodec.decode(Bytes.wrap(nestedMapBytes(31))).get("a"));
    assertRefused(nestedMapBytes(32), "32 levels");
    assertThrows(ItemValidationException.class,
        () -> ItemCodec.decodeAttribute(Bytes.wrap(prefixedByAnotherAttribute(32)), "z"));
  }

  /** Item {a: levels maps around "leaf"}, written byte by byte as the layout says. */
  private static byte[] nestedMapBytes(int levels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(encoded(1, 1, 1, 'a'));
    for (int i = 0; i < levels; i++) {
      out.writeBytes(encoded(7, 1, 1, 'k'));
    }
    out.writeBytes(encoded(1, 4, 'l', 'e', 'a', 'f'));
    return out.toByteArray();
  }

  /** The same nesting under a first attribute, so that finding "z" must skip it. */
  private static byte[] prefixedByAnotherAttribute(int levels) {
    byte[] nested = nestedMapBytes(levels);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(encoded(1, 2));
    out.write(nested, 2, nested.length - 2);
    out.writeBytes(encoded(1, 'z', 5));
    return out.toByteArray();
  }

  private static void decodeEveryWay(byte[] bytes) {
    for (Runnable decode : List.<Runnable>of(
        () -> ItemCodec.decode(Bytes.wrap(bytes)),
        () -> ItemCodec.decode(bytes, 0, bytes.length),
        () -> ItemCodec.decodeAttribute(Bytes.wrap(bytes), "a"),
        () -> ItemCodec.decodeAttribute(Bytes.wrap(bytes), "\u00e9t\u00e9"))) {
      try {
        decode.run();
      } catch (ItemValidationException refused) {
        // the one acceptable failure
      }
    }
  }

  private static void assertRefused(byte[] bytes, String expected) {
    ItemValidationException e = refused(bytes);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static ItemValidationException refused(byte[] bytes) {
    return assertThrows(ItemValidationException.class, () -> ItemCodec.decode(Bytes.wrap(bytes)));
  }

  private static byte[] encoded(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
