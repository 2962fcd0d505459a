package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void unquotedHexIsBytes() {
    assertEquals(Bytes.fromHex("00ff"), Args.bytes(new Token("0x00ff", false)));
    assertEquals(Bytes.fromHex("cafe"), Args.bytes(new Token("0XCAFE", false)));
    assertEquals(Bytes.EMPTY, Args.bytes(new Token("0x", false)));
  }

  @Test
  void quotedHexIsText() {
    assertEquals(Bytes.utf8("0x00ff"), Args.bytes(new Token("0x00ff", true)));
  }

  @Test
  void textIsUtf8() {
    assertEquals(Bytes.utf8("naïve"), Args.bytes(new Token("naïve", false)));
  }

  @Test
  void badHexIsRefusedWithTheWord() {
    for (String bad : new String[] {"0xabc", "0xzz"}) {
      String message =
          assertThrows(ShellException.class, () -> Args.bytes(new Token(bad, false))).getMessage();
      assertTrue(message.startsWith("bad hex '" + bad + "'"), message);
    }
  }

  @Test
  void durationsInEveryUnit() {
    assertEquals(Duration.ofMillis(500), Args.duration("500ms"));
    assertEquals(Duration.ofSeconds(30), Args.duration("30s"));
    assertEquals(Duration.ofMinutes(5), Args.duration("5m"));
    assertEquals(Duration.ofHours(1), Args.duration("1h"));
    assertEquals(Duration.ofDays(2), Args.duration("2d"));
  }

  @Test
  void badDurationsAreRefused() {
    for (String bad : new String[] {"5", "5x", "-1s", "1.5s", "s", "1h30m"}) {
      assertThrows(ShellException.class, () -> Args.duration(bad), bad);
    }
    assertEquals("bad duration '99999999999999999999d': too long",
        assertThrows(ShellException.class, () -> Args.duration("99999999999999999999d"))
            .getMessage());
  }

  @Test
  void numbers() {
    assertEquals(10, Args.number("10", "limit"));
    assertEquals("bad limit 'ten': expected a whole number",
        assertThrows(ShellException.class, () -> Args.number("ten", "limit")).getMessage());
  }
}
