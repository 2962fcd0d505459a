package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BytesTest {

  private static byte[] k(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Regression: "bad", U+D800, "key" was encoded as "bad?key", the key of "bad?key" itself. */
  @Test
  void textThatIsNotValidUtf16IsRefusedNotAliased() {
    String[] lone = {"bad\uD800key", "bad\uDC00key", "end\uD83D", "\uDE00x", "\uD800\uD800"};
    for (String bad : lone) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> Bytes.utf8(bad));
      assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
    }
    assertEquals(4, Bytes.utf8("\uD83D\uDE00").length(), "a surrogate pair: one 4-byte character");
    assertEquals(Bytes.wrap(k("caf\u00e9 \u6771\u4eac")), Bytes.utf8("caf\u00e9 \u6771\u4eac"));
  }

  @Test
  void aKeyViewReadsAsItsOwnArray() {
    byte[] block = k("aaKEYzz");
    Bytes view = Bytes.wrap(block, 2, 3);
    assertEquals(Bytes.utf8("KEY"), view);
    assertEquals(0, view.compareTo(Bytes.utf8("KEY")));
    assertEquals("KEY", view.toString());
    assertEquals(3, view.length());
    assertEquals('E', view.byteAt(1));
    assertThrows(IndexOutOfBoundsException.class, () -> view.byteAt(3));
    assertEquals(3, view.asReadOnlyByteBuffer().remaining());
    assertEquals('K', view.asReadOnlyByteBuffer().get(0));
    assertEquals(Bytes.utf8("EY"), view.slice(1, 2));
    assertEquals(Bytes.utf8("KEY!"), view.concat(Bytes.utf8("!")));
    assertTrue(view.startsWith(Bytes.utf8("KE")));
    assertFalse(Bytes.utf8("KE").startsWith(view));
    assertEquals("4b4559", view.toHex());
    assertEquals(3, view.toByteArray().length);
    assertThrows(IndexOutOfBoundsException.class, () -> Bytes.wrap(block, 5, 3));
  }

  @Test
  void theEngineKeepsAWholeArrayAsItIsAndCopiesARangeOfOne() {
    byte[] whole = k("key");
    assertSame(whole, Bytes.wrap(whole).array());
    byte[] block = k("aaKEYzz");
    byte[] kept = Bytes.wrap(block, 2, 3).array();
    assertNotSame(block, kept); // a memtable must not point into a run's key block
    assertTrue(Arrays.equals(k("KEY"), kept));
  }
}
