package dev.weir.reactive.object;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers of blobs, contents and uploads: 128 random bits in hex. Never reused, so a
 * content id names one immutable set of chunks for its whole life. {@code ThreadLocalRandom}
 * rather than {@code UUID.randomUUID()}: the latter may read {@code /dev/urandom}, a blocking
 * call on an event loop.
 */
final class Ids {

  private Ids() {}

  static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  /** Whether {@code id} could have come from {@link #next()}; other strings name nothing. */
  static boolean isId(String id) {
    return id != null && id.matches("[0-9a-f]{32}");
  }
}
