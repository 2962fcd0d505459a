package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void splitsOnWhitespace() {
    assertEquals(
        List.of(new Token("put", false), new Token("a", false), new Token("1", false)),
        Tokenizer.split("  put\ta   1 "));
  }

  @Test
  void doubleQuotesGroupAndUnescape() {
    assertEquals(
        List.of(new Token("put", false), new Token("a b", true), new Token("say \"hi\"\n", true)),
        Tokenizer.split("put \"a b\" \"say \\\"hi\\\"\\n\""));
  }

  @Test
  void singleQuotesAreLiteral() {
    assertEquals(List.of(new Token("a \\n \"b\"", true)), Tokenizer.split("'a \\n \"b\"'"));
  }

  @Test
  void adjacentPartsFormOneWord() {
    assertEquals(List.of(new Token("user:a b", true)), Tokenizer.split("user:\"a b\""));
  }

  @Test
  void emptyQuotesAreAnEmptyWord() {
    assertEquals(
        List.of(new Token("scan", false), new Token("", true)), Tokenizer.split("scan \"\""));
  }

  @Test
  void backslashOutsideQuotesIsOrdinary() {
    assertEquals(List.of(new Token("c:\\dir", false)), Tokenizer.split("c:\\dir"));
  }

  @Test
  void unterminatedQuotesAreRefused() {
    assertEquals("unterminated \" quote",
        assertThrows(ShellException.class, () -> Tokenizer.split("put \"a 1")).getMessage());
    assertEquals("unterminated ' quote",
        assertThrows(ShellException.class, () -> Tokenizer.split("put 'a 1")).getMessage());
  }
}
