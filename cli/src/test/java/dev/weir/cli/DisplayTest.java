package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.engine.Bytes;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisplayTest {

  @Test
  void printableTextIsShownAsIs() {
    assertEquals("user:1", Display.word(Bytes.utf8("user:1")));
    assertEquals("héllo", Display.word(Bytes.utf8("héllo")));
  }

  @Test
  void textThatWouldSplitOrMisreadIsQuoted() {
    assertEquals("\"a b\"", Display.word(Bytes.utf8("a b")));
    assertEquals("\"\"", Display.word(Bytes.EMPTY));
    assertEquals("\"-\"", Display.word(Bytes.utf8("-")));
    assertEquals("\"#x\"", Display.word(Bytes.utf8("#x")));
    assertEquals("\"k=v\"", Display.word(Bytes.utf8("k=v")));
    assertEquals("\"say \\\"hi\\\"\"", Display.word(Bytes.utf8("say \"hi\"")));
  }

  @Test
  void binaryControlAndHexLookingTextAreHex() {
    assertEquals("0x00ff", Display.word(Bytes.fromHex("00ff")));
    assertEquals("0x610a", Display.word(Bytes.utf8("a\n")));
    assertEquals("0x30783431", Display.word(Bytes.utf8("0x41")));
    assertEquals("0xc3", Display.plain(Bytes.fromHex("c3"))); // a cut UTF-8 sequence
  }

  /** Whatever the shell prints as a key or value, typed back in, is the same bytes. */
  @Test
  void shownWordsParseBackToTheSameBytes() {
    Random random = new Random(42);
    String alphabet = "ab -=#\"'\\0x\té";
    for (int i = 0; i < 5_000; i++) {
      Bytes b = i % 2 == 0 ? randomBytes(random) : Bytes.utf8(randomText(random, alphabet));
      List<Token> tokens = Tokenizer.split("put " + Display.word(b) + " v");
      assertEquals(3, tokens.size(), () -> "seed 42, " + Display.word(b));
      assertEquals(b, Args.bytes(tokens.get(1)), () -> "seed 42, " + Display.word(b));
    }
  }

  private static Bytes randomBytes(Random random) {
    byte[] a = new byte[random.nextInt(6)];
    random.nextBytes(a);
    return Bytes.wrap(a);
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(8); n > 0; n--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
