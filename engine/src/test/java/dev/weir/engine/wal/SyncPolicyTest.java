package dev.weir.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The names a DSN's {@code sync=} and the CLI's {@code --sync} accept. */
class SyncPolicyTest {

  @Test
  void parsesAlwaysNoneAndAnInterval() {
    assertSame(SyncPolicy.ALWAYS, SyncPolicy.parse("always"));
    assertSame(SyncPolicy.NONE, SyncPolicy.parse("none"));
    assertEquals(Duration.ofSeconds(1).toNanos(), SyncPolicy.parse("PT1S").intervalNanos());
  }

  @Test
  void refusesAnythingElseSayingWhatIsAccepted() {
    for (String bad : new String[] {"sometimes", "PT0S", "-PT1S", "", "ALWAYS"}) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> SyncPolicy.parse(bad));
      assertEquals("sync must be always, none or a positive ISO-8601 interval such as PT1S,"
          + " was '" + bad + "'", e.getMessage());
    }
  }
}
