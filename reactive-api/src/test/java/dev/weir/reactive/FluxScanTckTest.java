package dev.weir.reactive;

import dev.weir.engine.Entry;
import dev.weir.engine.KeyRange;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterMethod;

/**
 * The reactive-streams TCK for the scan publisher (runs on the JUnit platform through the
 * TestNG engine). {@code createPublisher(n)} scans a store of n keys.
 *
 * <p>Tests that need more than {@link #MAX_ELEMENTS} elements (the rule 3.17 ones ask for
 * {@code Integer.MAX_VALUE}) are skipped by the TCK itself: a store of two billion keys is out
 * of reach, and the same rule's {@code Long.MAX_VALUE} demand handling is covered with 3 keys.
 */
public class FluxScanTckTest extends PublisherVerification<Entry> {

  private static final long MAX_ELEMENTS = 100_000;

  private final List<ReactiveStore> stores = new ArrayList<>();

  public FluxScanTckTest() {
    // the TCK waits these times to prove a signal is absent; they bound, they do not measure
    super(new TestEnvironment(2_000, 50), 300);
  }

  @Override
  public Publisher<Entry> createPublisher(long elements) {
    ReactiveStore store = ScanFixture.storeWith(elements);
    stores.add(store);
    return store.scan(KeyRange.all());
  }

  @Override
  public Publisher<Entry> createFailedPublisher() {
    ReactiveStore store = Weir.inMemory();
    store.close().block(ScanFixture.HANG_GUARD);
    return store.scan(KeyRange.all());
  }

  @Override
  public long maxElementsFromPublisher() {
    return MAX_ELEMENTS;
  }

  @AfterMethod
  public void closeStores() {
    for (ReactiveStore s : stores) {
      s.close().block(ScanFixture.HANG_GUARD);
    }
    stores.clear();
  }
}
