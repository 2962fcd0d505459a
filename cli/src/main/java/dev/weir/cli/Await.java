package dev.weir.cli;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place the CLI waits for the store. The shell runs commands one after another on its
 * own main thread, which is not an event loop, so waiting there is correct and keeps every
 * command a plain sequential step; the store itself stays non-blocking behind its interface.
 * A test keeps {@code block} out of every other file.
 */
final class Await {

  /** Long enough for any in-memory operation; bounds a hang on a remote store later. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Await() {}

  /** The value of {@code mono}, or {@code null} when it completes empty. */
  static <T> T value(Mono<T> mono) {
    return mono.block(TIMEOUT);
  }

  static <T> List<T> all(Flux<T> flux) {
    return flux.collectList().block(TIMEOUT);
  }
}
