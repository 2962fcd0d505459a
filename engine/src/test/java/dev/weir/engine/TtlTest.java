package dev.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry by the store clock, in virtual time: no test here waits for real time to pass. */
class TtlTest {

  private final ManualClock clock = new ManualClock();
  private final Engine engine = Engine.open(EngineConfig.builder().clock(clock).build());

  @AfterEach
  void close() {
    engine.close();
  }

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  @Test
  void aValueIsReadableUntilItsTtlAndNeverAfter() {
    Writes.await(cb -> engine.put(b("k"), b("v"), Duration.ofMillis(100), -1, cb));
    clock.advance(99);
    assertEquals(b("v"), engine.get(b("k")));
    clock.advance(1);
    assertNull(engine.get(b("k")));
    assertEquals(List.of(), keys());
  }

  @Test
  void anExpiredValueStaysHiddenWhenTheClockGoesBackwardsAfterCompaction() {
    Writes.await(cb -> engine.put(b("k"), b("v"), Duration.ofMillis(10), -1, cb));
    clock.advance(10);
    Writes.settle(engine);
    clock.advance(-10);
    assertNull(engine.get(b("k")), "compaction turned the expired value into a tombstone");
  }

  @Test
  void anExpiredNewerValueDoesNotResurrectAnOlderOne() {
    Writes.await(cb -> engine.put(b("k"), b("forever"), cb));
    Writes.await(cb -> engine.put(b("k"), b("brief"), Duration.ofMillis(5), -1, cb));
    clock.advance(5);
    assertNull(engine.get(b("k")));
    Writes.settle(engine);
    assertNull(engine.get(b("k")));
    assertEquals(0, engine.stats().entries(), "compaction dropped both versions");
  }

  @Test
  void batchEntriesCarryTheirOwnTtl() {
    Writes.await(
        cb ->
            engine.write(
                WriteBatch.builder()
                    .put(b("a"), b("1"), Duration.ofSeconds(1))
                    .put(b("b"), b("2"))
                    .build(),
                cb));
    clock.advance(1000);
    assertEquals(List.of("b"), keys());
  }

  @Test
  void zeroNegativeAndOverflowingTtlsAreRefusedAndChangeNothing() {
    for (Duration bad :
        new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(Long.MAX_VALUE)}) {
      assertInstanceOf(
          InvalidArgumentException.class,
          Writes.fail(cb -> engine.put(b("k"), b("v"), bad, -1, cb)),
          bad.toString());
      assertInstanceOf(
          InvalidArgumentException.class,
          Writes.fail(
              cb -> engine.write(WriteBatch.builder().put(b("k"), b("v"), bad).build(), cb)));
    }
    assertEquals(0, engine.stats().lastSequence());
  }

  private List<String> keys() {
    List<String> out = new ArrayList<>();
    try (EntryCursor c = engine.scan(KeyRange.all(), null)) {
      for (Entry e; (e = c.next()) != null; ) {
        out.add(e.key().asUtf8());
      }
    }
    return out;
  }
}
