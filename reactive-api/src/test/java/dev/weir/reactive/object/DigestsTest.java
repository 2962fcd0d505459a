package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class DigestsTest {

  private static int crc(byte[] b, int from, int to) {
    CRC32C c = new CRC32C();
    c.update(b, from, to - from);
    return (int) c.getValue();
  }

  @Test
  void combiningCrcsOfTwoHalvesGivesTheCrcOfTheWhole() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[r.nextInt(5000)];
      r.nextBytes(b);
      int cut = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      int combined = Digests.combineCrc32c(crc(b, 0, cut), crc(b, cut, b.length), b.length - cut);
      assertEquals(crc(b, 0, b.length), combined, "seed=" + seed);
    }
  }

  @Test
  void etagsAreNormalized() {
    assertEquals("abcd", Digests.normalizeEtag("\"ABCD\""));
    assertEquals("abcd", Digests.normalizeEtag(" abcd "));
  }

  @Test
  void idsAreHexAndUnique() {
    String a = Ids.next();
    assertEquals(true, Ids.isId(a));
    assertEquals(false, Ids.isId("../x"));
    assertEquals(false, a.equals(Ids.next()));
  }
}
