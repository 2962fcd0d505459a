package dev.weir.reactive;

import dev.weir.engine.ChangeEvent;
import dev.weir.engine.ChangeFeed;
import dev.weir.engine.Engine;
import dev.weir.engine.Bytes;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A change stream as a {@code Flux}: pulls committed changes from the engine's change log as the
 * subscriber requests them. The log is the bounded buffer: nothing is copied per subscriber, and
 * a subscriber that falls a whole log behind gets a typed overflow error saying where to resume.
 * New commits signal the drain from the committing thread, after the writer role is released.
 * The demand-driven drain is {@link PullSubscription}'s.
 */
final class FluxWatch extends Flux<ChangeEvent> {

  private final Engine engine;
  private final Bytes prefix;
  private final long from;

  FluxWatch(Engine engine, Bytes prefix, long from) {
    this.engine = engine;
    this.prefix = prefix;
    this.from = from;
  }

  @Override
  public void subscribe(CoreSubscriber<? super ChangeEvent> actual) {
    WatchSubscription s = new WatchSubscription(actual);
    ChangeFeed feed;
    try {
      feed = engine.watch(prefix, from, s::drain);
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    s.feed = feed;
    actual.onSubscribe(s);
    s.drain();
  }

  /** Pulls the feed on demand; caught up, it waits for the next commit's signal. */
  static final class WatchSubscription extends PullSubscription<ChangeEvent> {

    volatile ChangeFeed feed;

    WatchSubscription(CoreSubscriber<? super ChangeEvent> actual) {
      super(actual);
    }

    @Override
    boolean ready() {
      return feed != null;
    }

    @Override
    ChangeEvent poll() {
      return feed.poll();
    }

    @Override
    boolean endsWhenEmpty() {
      return false;
    }

    @Override
    void release() {
      feed.close();
    }
  }
}
