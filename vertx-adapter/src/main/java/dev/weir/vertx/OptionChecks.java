package dev.weir.vertx;

import java.time.Duration;

/** The checks of {@link ServiceOptions} and {@link ClientOptions}; each refusal names its option. */
final class OptionChecks {

  private OptionChecks() {}

  static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }

  static Duration atLeastOneMilli(String name, Duration value) {
    if (value == null || value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
    }
    return value;
  }
}
