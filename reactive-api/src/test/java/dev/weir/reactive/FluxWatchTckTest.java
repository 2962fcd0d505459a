package dev.weir.reactive;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterMethod;
import reactor.core.publisher.Mono;

/**
 * The reactive-streams TCK for change streams. A change stream never completes by itself (it
 * waits for the next commit), so it is verified as a publisher unable to signal completion:
 * {@code createPublisher(n)} replays n committed changes from sequence 1 and then waits; the
 * failed publisher watches a closed store.
 */
public class FluxWatchTckTest extends PublisherVerification<ChangeEvent> {

  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final int MAX_REPLAYED = 10_000;
  private final List<ReactiveStore> stores = new ArrayList<>();

  public FluxWatchTckTest() {
    super(new TestEnvironment(2_000, 50), 300);
  }

  @Override
  public Publisher<ChangeEvent> createPublisher(long elements) {
    ReactiveStore store = Weir.inMemory();
    stores.add(store);
    long n = Math.min(elements, MAX_REPLAYED);
    for (long i = 0; i < n; i += 1_000) {
      WriteBatch.Builder batch = WriteBatch.builder();
      for (long j = i; j < Math.min(n, i + 1_000); j++) {
        batch.put(Bytes.utf8("k" + j), Bytes.utf8("v"));
      }
      store.write(batch.build()).block(GUARD);
    }
    return store.watch(Bytes.utf8("k"), 1);
  }

  @Override
  public Publisher<ChangeEvent> createFailedPublisher() {
    ReactiveStore store = Weir.inMemory();
    store.close().block(GUARD);
    return store.watch(Bytes.utf8("k"));
  }

  @Override
  public long maxElementsFromPublisher() {
    return publisherUnableToSignalOnComplete();
  }

  @AfterMethod
  public void closeStores() {
    for (ReactiveStore s : stores) {
      s.close().onErrorResume(e -> Mono.empty()).block(GUARD);
    }
    stores.clear();
  }
}
