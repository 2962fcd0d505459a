package dev.weir.testkit;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded randomness that can be replayed: every randomised test draws its seed here and, on
 * failure, reports it. Set {@code -Dweir.seed=N} to replay one failure.
 */
public final class Seeds {

  private Seeds() {}

  /** The seed to use: the {@code weir.seed} property when set, else a fresh one. */
  public static long next() {
    Long fixed = Long.getLong("weir.seed");
    return fixed != null ? fixed : new Random().nextLong();
  }

  /** Runs {@code body} with a random seeded by {@code seed}; a failure names the seed. */
  public static void run(long seed, Consumer<Random> body) {
    try {
      body.accept(new Random(seed));
    } catch (Throwable t) {
      AssertionError e = new AssertionError("failed with seed: " + seed
          + " (replay with -Dweir.seed=" + seed + "): " + t, t);
      throw e;
    }
  }
}
