package dev.weir.table.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ItemValidationException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class KeyCodecRefusesMalformedKeysTest {

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
  }

  @Property(seed = "1441", tries = 2000)
  void randomBytesReadOrAreRefused(@ForAll("garbage") byte[] bytes) {
    for (AttributeType type : List.of(AttributeType.S, AttributeType.N, AttributeType.B)) {
      try {
        KeyCodec.read(Bytes.wrap(bytes), new int[] {0}, type);
      } catch (ItemValidationException refused) {
        // the one acceptable failure
      }
    }
  }

  @Test
  void aTruncatedKeyIsRefused() {
    for (AttributeValue value : List.of(AttributeValue.string("a\u0000b"),
        AttributeValue.number("-12.345"), AttributeValue.binary(new byte[] {0, 1, 0}))) {
      Bytes key = KeyCodec.encode(value);
      for (int length = 0; length < key.length(); length++) {
        Bytes cut = key.slice(0, length);
        assertThrows(ItemValidationException.class,
            () -> KeyCodec.read(cut, new int[] {0}, value.type()), () -> cut.toHex());
      }
    }
  }

  @Test
  void malformedFormsAreRefusedNamingTheByte() {
    assertRefused("610005", AttributeType.S, "0x00 followed by 0x05");
    assertRefused("c0af0001", AttributeType.S, "not well-formed UTF-8");
    assertRefused("07", AttributeType.N, "a number marker 0x07");
    assertRefused("0382b0", AttributeType.N, "digit nibble 11");
    assertRefused("03822100", AttributeType.N, "trailing zero");
    assertRefused("038210", AttributeType.N, "leading or trailing zero");
    assertRefused("038200", AttributeType.N, "without significant digits");
    assertRefused("038202", AttributeType.N, "a digit after a number's end");
    assertRefused("03ff" + "22".repeat(19) + "20", AttributeType.N, "after 38 digits");
  }

  @Test
  void onlyScalarsAreKeyValues() {
    ItemValidationException e = assertThrows(ItemValidationException.class,
        () -> KeyCodec.encode(AttributeValue.map(Map.of())));
    assertTrue(e.getMessage().contains("S, N or B, not M"), e.getMessage());
    assertThrows(ItemValidationException.class,
        () -> KeyCodec.read(Bytes.fromHex("02"), new int[] {0}, AttributeType.BOOL));
  }

  private static void assertRefused(String hex, AttributeType type, String expected) {
    ItemValidationException e = assertThrows(ItemValidationException.class,
        () -> KeyCodec.read(Bytes.fromHex(hex), new int[] {0}, type));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
