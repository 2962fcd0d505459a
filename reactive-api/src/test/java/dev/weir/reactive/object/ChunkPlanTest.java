package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

  /** Two parts: 10 bytes in chunks of 4 (4+4+2), then 5 bytes in chunks of 4 (4+1). */
  private final Manifest manifest = new Manifest(1, List.of(
      new Manifest.Segment("a", 10, 4), new Manifest.Segment("b", 5, 4)));

  private List<String> plan(long offset, long length) {
    List<String> out = new ArrayList<>();
    for (ChunkPlan.Slice s : new ChunkPlan("bkt", manifest, offset, length)) {
      String blob = s.key().startsWith(Keys.blobChunks("bkt", "a")) ? "a" : "b";
      out.add(blob + s.key().byteAt(s.key().length() - 1)
          + "[" + s.from() + "," + s.to() + ")");
    }
    return out;
  }

  @Test
  void aRangeNamesOnlyTheChunksItOverlaps() {
    assertEquals(List.of("a0[0,4)", "a1[0,4)", "a2[0,2)", "b0[0,4)", "b1[0,1)"),
        plan(0, Long.MAX_VALUE));
    assertEquals(List.of("a1[1,3)"), plan(5, 2));
    assertEquals(List.of("a2[1,2)", "b0[0,2)"), plan(9, 3));
    assertEquals(List.of("b1[0,1)"), plan(14, 100));
    assertEquals(List.of(), plan(15, 100));
    assertEquals(List.of(), plan(3, 0));
  }

  @Test
  void emptySegmentsAreSkipped() {
    Manifest m = new Manifest(1, List.of(new Manifest.Segment("a", 0, 4),
        new Manifest.Segment("b", 3, 4), new Manifest.Segment("c", 0, 4)));
    int n = 0;
    for (ChunkPlan.Slice s : new ChunkPlan("bkt", m, 0, 10)) {
      assertEquals(3, s.to());
      n++;
    }
    assertEquals(1, n);
  }
}
