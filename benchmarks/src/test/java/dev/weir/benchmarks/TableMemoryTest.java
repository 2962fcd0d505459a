package dev.weir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bytes per item are the store's accounting, so a figure to quote: the same in every run. */
class TableMemoryTest {

  @Test
  void bytesPerItemAndPerRecordAreTheSameInEveryRun() throws InterruptedException {
    TableMemory.Footprint first = TableMemory.measure(5_000);
    TableMemory.Footprint second = TableMemory.measure(5_000);
    assertEquals(first, second);
    assertTrue(first.itemBytes() > first.itemEntryBytes(), first.toString());
    assertTrue(first.kvBytes() > first.kvEntryBytes(), first.toString());
  }
}
