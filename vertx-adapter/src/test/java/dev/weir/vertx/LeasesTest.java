package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Leases on a virtual clock: who lost what, and who is told so. */
class LeasesTest {

  private static final long TIMEOUT = 600;

  private final AtomicLong clock = new AtomicLong();
  private final Leases leases = new Leases(clock::get, TIMEOUT);

  @Test
  void aClientWhoseFirstOpenIsStillOnItsWayHasNotLapsed() {
    // its renewal overtook the open on the bus: the service has never heard of it
    assertFalse(leases.takeLapsed("client"));
  }

  @Test
  void aLeaseThatRunsOutOverAStreamReleasesItAndTellsItsOwnerOnce() {
    AtomicInteger cancelled = clientWithAStream();
    clock.addAndGet(TIMEOUT);
    assertEquals(0, leases.sweep(), "silent for exactly the timeout: still leased");
    clock.addAndGet(1);
    assertEquals(1, leases.sweep());
    assertEquals(1, cancelled.get());
    assertEquals(0, leases.held());
    assertTrue(leases.takeLapsed("client"));
    assertFalse(leases.takeLapsed("client"), "told once, the client starts afresh");
  }

  @Test
  void aLeaseThatRunsOutHoldingNothingIsNoLoss() {
    leases.touch("client"); // a plain write renews a lease that covers nothing
    clock.addAndGet(TIMEOUT + 1);
    assertEquals(1, leases.sweep());
    assertFalse(leases.takeLapsed("client"));
  }

  @Test
  void aRenewingClientKeepsWhatItHolds() {
    AtomicInteger cancelled = clientWithAStream();
    for (int i = 0; i < 10; i++) {
      clock.addAndGet(TIMEOUT / 2);
      leases.touch("client");
      assertEquals(0, leases.sweep());
    }
    assertEquals(0, cancelled.get());
    assertEquals(1, leases.held());
  }

  @Test
  void releasedOwnersAndTheOldestLapsedAreForgotten() {
    leases.addStream("oldest", 1, () -> {});
    clock.addAndGet(TIMEOUT + 1);
    assertEquals(1, leases.sweep());
    for (int i = 0; i < Leases.MAX_LAPSED; i++) {
      leases.addStream("client" + i, 1, () -> {});
    }
    clock.addAndGet(TIMEOUT + 1);
    assertEquals(Leases.MAX_LAPSED, leases.sweep());
    assertFalse(leases.takeLapsed("oldest"), "the oldest record made room");
    leases.release("client1");
    assertFalse(leases.takeLapsed("client1"), "a client that released all knows it");
    assertTrue(leases.takeLapsed("client2"));
  }

  /** A client that opened one stream; counts the stream's cancellations. */
  private AtomicInteger clientWithAStream() {
    AtomicInteger cancelled = new AtomicInteger();
    leases.touch("client");
    leases.addStream("client", 1, cancelled::incrementAndGet);
    return cancelled;
  }
}
