package dev.weir.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SnapshotRegistryTest {

  @Test
  void pinsBeyondTheSlotsAThreadProbesAreCountedAndSeenByCompaction() {
    SnapshotRegistry registry = new SnapshotRegistry();
    List<SnapshotRegistry.Pin> pins = new ArrayList<>();
    for (int i = 0; i < 100; i++) { // one thread probes 8 slots: the rest overflow
      SnapshotRegistry.Pin pin = registry.register("test");
      pin.seal(1_000 - i);
      pins.add(pin);
    }
    assertEquals(100, registry.openCount());
    assertArrayEquals(LongStream.rangeClosed(901, 1_000).toArray(), registry.pinnedSequences());
    assertEquals(901, registry.oldestPinned(5_000));
    for (SnapshotRegistry.Pin pin : pins) {
      assertTrue(pin.close());
      assertFalse(pin.close(), "closing is idempotent");
    }
    assertEquals(0, registry.openCount());
    assertArrayEquals(new long[0], registry.pinnedSequences());
    assertEquals(5_000, registry.oldestPinned(5_000));
    assertEquals(100, registry.openedTotal());
  }

  @Test
  void anUnsealedPinInASlotOrInTheOverflowMakesCompactionKeepEverything() {
    SnapshotRegistry registry = new SnapshotRegistry();
    SnapshotRegistry.Pin first = registry.register("slot");
    assertNull(registry.pinnedSequences());
    assertEquals(0, registry.oldestPinned(10));
    first.seal(7);
    List<SnapshotRegistry.Pin> more = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SnapshotRegistry.Pin p = registry.register("more");
      p.seal(8 + i);
      more.add(p);
    }
    SnapshotRegistry.Pin unsealed = registry.register("overflow");
    assertNull(registry.pinnedSequences());
    unsealed.seal(50);
    assertEquals(7, registry.pinnedSequences()[0]);
    assertEquals(7, registry.oldestPinned(10));
  }
}
