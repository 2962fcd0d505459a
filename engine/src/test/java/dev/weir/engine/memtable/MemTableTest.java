package dev.weir.engine.memtable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.iterator.VersionRef;
import dev.weir.engine.key.KeyHash;
import dev.weir.engine.key.ValueKind;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MemTableTest {

  private static byte[] key(int i) {
    return ByteBuffer.allocate(8).putInt(0x6b6b6b6b).putInt(i).array();
  }

  @Test
  void itsFilterNeverHidesAKeyEvenPastTheCapacityItWasSizedFor() {
    // sized for 64 KiB / 96 bytes = 682 keys; 20,000 overfill it far past its bits per key
    MemTable m = new MemTable(1, 64 * 1024, 10);
    for (int i = 0; i < 20_000; i++) {
      m.add(key(i), i + 1, ValueKind.PUT, new byte[] {(byte) i}, 0);
    }
    VersionRef ref = new VersionRef();
    for (int i = 0; i < 20_000; i++) {
      byte[] k = key(i);
      assertTrue(m.find(k, KeyHash.hash(k), Long.MAX_VALUE, ref), "key " + i);
      assertArrayEquals(new byte[] {(byte) i}, ref.value);
    }
  }

  @Test
  void aKeyItNeverHeldIsNotFound() {
    MemTable m = new MemTable(1, 1 << 20, 10);
    for (int i = 0; i < 1_000; i++) {
      m.add(key(i), i + 1, ValueKind.PUT, new byte[1], 0);
    }
    VersionRef ref = new VersionRef();
    for (int i = 1_000; i < 2_000; i++) {
      byte[] k = key(i);
      assertFalse(m.find(k, KeyHash.hash(k), Long.MAX_VALUE, ref), "key " + i);
    }
  }

  @Test
  void aSuccessorStartsEmptyWithTheSameCapacity() {
    MemTable m = new MemTable(1, 1 << 20, 10);
    m.add(key(1), 1, ValueKind.PUT, new byte[1], 0);
    MemTable next = m.successor(2);
    assertTrue(next.isEmpty());
    assertEquals(new MemTable(3, 1 << 20, 10).approximateBytes(), next.approximateBytes());
    VersionRef ref = new VersionRef();
    assertFalse(next.find(key(1), KeyHash.hash(key(1)), Long.MAX_VALUE, ref));
  }
}
