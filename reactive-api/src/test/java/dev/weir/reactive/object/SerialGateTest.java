package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class SerialGateTest {

  private final SerialGate gate = new SerialGate();

  @Test
  void tasksRunOneAtATimeAcrossThreads() {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Flux.range(0, 2000)
        .flatMap(i -> gate.run(() -> Mono.fromCallable(() -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          return i;
        }).publishOn(Schedulers.parallel()).doOnNext(x -> inside.decrementAndGet()))
            .subscribeOn(Schedulers.parallel()), 64)
        .blockLast(Duration.ofSeconds(20));
    assertEquals(1, most.get());
  }

  @Test
  void manySynchronousTasksDoNotGrowTheStack() {
    Sinks.One<Integer> first = Sinks.one();
    gate.run(first::asMono).subscribe();
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 100_000; i++) {
      gate.run(() -> Mono.fromCallable(ran::incrementAndGet)).subscribe();
    }
    first.tryEmitValue(0);
    assertEquals(100_000, ran.get());
  }

  @Test
  void aTaskCancelledBeforeItsTurnIsSkippedAndSaysSo() {
    Sinks.One<Integer> first = Sinks.one();
    gate.run(first::asMono).subscribe();
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    StepVerifier.create(gate.run(() -> Mono.fromCallable(ran::incrementAndGet),
            skipped::incrementAndGet))
        .thenCancel()
        .verify();
    first.tryEmitValue(0);
    assertEquals(0, ran.get());
    assertEquals(1, skipped.get());
    StepVerifier.create(gate.run(() -> Mono.just(5))).expectNext(5).verifyComplete();
  }

  @Test
  void aFailingTaskReleasesTheGate() {
    StepVerifier.create(gate.run(() -> Mono.error(new IllegalStateException("x"))))
        .verifyError(IllegalStateException.class);
    StepVerifier.create(gate.run(() -> { throw new IllegalStateException("y"); }))
        .verifyError(IllegalStateException.class);
    StepVerifier.create(gate.run(Mono::empty)).verifyComplete();
    assertTrue(true);
  }
}
