package dev.weir.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.vertx.codec.Credit;
import dev.weir.vertx.codec.StreamFrame;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Flow control counted on the wire, by an outbound interceptor that sees every message a Vert.x
 * sends: per stream, the credits the client granted and the items the service sent (an
 * overdraft is counted the moment sent exceeds granted, so tests need no timing); per upload,
 * the chunks sent and not yet answered (the most ever at once is kept).
 */
final class WireLedger {

  final Map<String, AtomicLong> granted = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
  final AtomicLong overdrafts = new AtomicLong();
  final AtomicLong largestFrameBytes = new AtomicLong();
  final AtomicLong chunksSent = new AtomicLong();
  final AtomicLong chunksAnswered = new AtomicLong();
  final AtomicLong mostChunksUnanswered = new AtomicLong();
  private final Set<String> unanswered = ConcurrentHashMap.newKeySet();

  /** A ledger of every message {@code vertx} sends from now on. */
  static WireLedger on(Vertx vertx) {
    WireLedger ledger = new WireLedger();
    vertx.eventBus().addOutboundInterceptor((Handler<DeliveryContext<Object>>) ledger::count);
    return ledger;
  }

  void clear() {
    granted.clear();
    sent.clear();
    overdrafts.set(0);
    largestFrameBytes.set(0);
    chunksSent.set(0);
    chunksAnswered.set(0);
    mostChunksUnanswered.set(0);
    unanswered.clear();
  }

  static long total(Map<String, AtomicLong> m) {
    return m.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Keys streams by inbox and id; runs on the sending thread for every message. */
  private void count(DeliveryContext<Object> ctx) {
    Message<Object> m = ctx.message();
    Object body = ctx.body();
    String owner = m.headers().get(Addresses.OWNER);
    if (m.address().endsWith("." + Addresses.OBJ_CHUNK)) {
      chunksSent.incrementAndGet();
      unanswered.add(m.replyAddress());
      mostChunksUnanswered.accumulateAndGet(unanswered.size(), Math::max);
    } else if (unanswered.remove(m.address())) {
      chunksAnswered.incrementAndGet();
    } else if (m.headers().contains(Addresses.INITIAL_CREDIT)) {
      add(granted, owner + "#" + m.headers().get(Addresses.STREAM),
          Long.parseLong(m.headers().get(Addresses.INITIAL_CREDIT)));
    } else if (body instanceof Credit && m.address().endsWith(Addresses.CREDIT)) {
      add(granted, owner + "#" + ((Credit) body).stream(), ((Credit) body).credits());
    } else if (body instanceof StreamFrame) {
      StreamFrame f = (StreamFrame) body;
      String key = m.address() + "#" + f.stream();
      long total = add(sent, key, f.items().size());
      AtomicLong g = granted.get(key);
      if (total > (g == null ? 0 : g.get())) {
        overdrafts.incrementAndGet();
      }
      long bytes = 0;
      for (Object item : f.items()) {
        bytes += FrameWeight.of(item);
      }
      largestFrameBytes.accumulateAndGet(bytes, Math::max);
    }
    ctx.next();
  }

  // ------------------------------------------------------------------ checks the flow tests share

  /**
   * Takes 1, 3 and 200 items of {@code stream}, each only once requested, then cancels: the
   * demand pattern whose credits the flow tests count.
   */
  static void takeInSteps(Flux<?> stream) {
    StepVerifier.create(stream, 0)
        .thenRequest(1).expectNextCount(1)
        .thenRequest(3).expectNextCount(3)
        .thenRequest(200).expectNextCount(200)
        .thenCancel().verify(Nodes.GUARD);
  }

  /**
   * A subscriber that asks for 10 items, then for {@code 10 * window} more, gets exactly those
   * and holds the service to them: granted equals sent at the pause, nothing beyond the grant
   * ever. Starts from a cleared ledger; cancels at the end.
   */
  <T> void expectPausedSubscriberHeldToItsRequests(Flux<T> stream, int window) {
    Paused<T> paused = new Paused<>(10);
    stream.subscribe(paused);
    Await.until("10 items", Duration.ofSeconds(10), () -> paused.received.get() == 10);
    assertEquals(10, total(granted));
    assertEquals(10, total(sent));
    paused.request(window * 10L);
    Await.until("all requested items", Duration.ofSeconds(10),
        () -> paused.received.get() == 10 + window * 10L);
    assertTrue(total(granted) <= 10 + window * 10L);
    assertEquals(0, overdrafts.get());
    paused.cancel();
  }

  private static long add(Map<String, AtomicLong> m, String key, long n) {
    return m.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
  }
}
