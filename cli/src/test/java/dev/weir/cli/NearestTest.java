package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

  @Test
  void eachEditCountsOnceASwapToo() {
    assertEquals(0, Nearest.distance("scan", "scan"));
    assertEquals(1, Nearest.distance("sacn", "scan")); // neighbours swapped
    assertEquals(1, Nearest.distance("scn", "scan"));
    assertEquals(1, Nearest.distance("scans", "scan"));
    assertEquals(1, Nearest.distance("sxan", "scan"));
    assertEquals(2, Nearest.distance("snac", "scan"));
    assertEquals(4, Nearest.distance("", "scan"));
  }

  @Test
  void shortWordsAllowOneEditLongerOnesTwo() {
    List<String> words = List.of("get", "del", "scan", "history", "snapshot");
    assertEquals("get", Nearest.to("gte", words));
    assertNull(Nearest.to("gxx", words));
    assertEquals("history", Nearest.to("hsitroy", words));
    assertEquals("snapshot", Nearest.to("snpashto", words));
    assertNull(Nearest.to("frobnicate", words));
  }

  @Test
  void theFirstOfEquallyNearWordsWins() {
    assertEquals("mb", Nearest.to("xb", List.of("mb", "rb")));
  }
}
