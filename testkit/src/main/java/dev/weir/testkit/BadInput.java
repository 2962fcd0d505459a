package dev.weir.testkit;

import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * One bad input: a call to the store and the error kind it must signal.
 *
 * @param name what is wrong, for the test name
 * @param call makes the publisher; must not throw, even for null arguments
 * @param expected the exception kind {@code onError} must carry
 * @param request the first demand; below 1 it is itself the bad input (rule 3.9)
 */
public record BadInput(
    String name,
    Supplier<? extends Publisher<?>> call,
    Class<? extends Throwable> expected,
    long request) {

  static BadInput of(String name, Supplier<? extends Publisher<?>> call,
      Class<? extends Throwable> expected) {
    return new BadInput(name, call, expected, Long.MAX_VALUE);
  }
}
