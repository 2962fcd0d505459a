package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void sizesAreBytesWithAnOptionalBinaryUnitInAnyCase() {
    assertEquals(65536, ByteSize.parse("x", "65536"));
    assertEquals(512 << 10, ByteSize.parse("x", "512KiB"));
    assertEquals(64L << 20, ByteSize.parse("x", "64mib"));
    assertEquals(1L << 30, ByteSize.parse("x", "1 GiB"));
    assertEquals(2L << 40, ByteSize.parse("x", "2TiB"));
    assertEquals(7, ByteSize.parse("x", "7B"));
    assertEquals(Long.MAX_VALUE, ByteSize.parse("x", String.valueOf(Long.MAX_VALUE)));
  }

  @Test
  void anythingElseIsRefusedNamingTheOption() {
    for (String bad : new String[] {"", "-1", "1.5GiB", "12x", "1 KB", "0x10", "GiB", null}) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> ByteSize.parse("chunkSize", bad));
      assertTrue(e.getMessage().startsWith("chunkSize must be a size"), e.getMessage());
    }
    for (String big : new String[] {"9223372036854775808", "8388608TiB", "9999999999999999999"}) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> ByteSize.parse("chunkSize", big));
      assertTrue(e.getMessage().startsWith("chunkSize is too large"), e.getMessage());
    }
  }

  @Test
  void aRangeIsCheckedAndNamedInTheRefusal() {
    assertEquals(1024, ByteSize.parse("chunkSize", "1KiB", 1, 64 << 20));
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> ByteSize.parse("chunkSize", "4294968320", 1, 64 << 20));
    assertEquals(
        "chunkSize must be from 1 B to 64 MiB, was 4194305 KiB ('4294968320')", e.getMessage());
  }

  @Test
  void formatShowsTheLargestExactUnit() {
    assertEquals("0 B", ByteSize.format(0));
    assertEquals("1000 B", ByteSize.format(1000));
    assertEquals("1536 KiB", ByteSize.format(1536 << 10));
    assertEquals("64 MiB", ByteSize.format(64L << 20));
    assertEquals("3 TiB", ByteSize.format(3L << 40));
    assertEquals("1024 TiB", ByteSize.format(1L << 50));
    assertEquals("unlimited", ByteSize.format(Long.MAX_VALUE));
  }
}
