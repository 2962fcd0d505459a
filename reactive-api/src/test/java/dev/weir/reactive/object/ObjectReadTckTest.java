package dev.weir.reactive.object;

import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterMethod;
import reactor.core.publisher.Flux;

/**
 * The reactive-streams TCK for object reads: {@code createPublisher(n)} reads an object of n
 * chunks (16-byte chunks, so one buffer per chunk), the failed publisher reads a missing object.
 */
public class ObjectReadTckTest extends PublisherVerification<ByteBuffer> {

  private static final int CHUNK = 16;
  private static final Duration GUARD = Duration.ofSeconds(30);
  private final List<ReactiveStore> stores = new ArrayList<>();

  public ObjectReadTckTest() {
    super(new TestEnvironment(2_000, 50), 300);
  }

  @Override
  public Publisher<ByteBuffer> createPublisher(long elements) {
    ReactiveStore kv = Weir.inMemory();
    stores.add(kv);
    ObjectStore objects = ObjectStore.over(kv, ObjectConfig.defaults().withChunkSize(CHUNK));
    objects.createBucket("tck").block(GUARD);
    Bucket bucket = objects.bucket("tck");
    byte[] content = new byte[(int) elements * CHUNK];
    bucket.put("object", Flux.just(ByteBuffer.wrap(content)), ObjectOptions.defaults())
        .block(GUARD);
    return bucket.read("object");
  }

  @Override
  public Publisher<ByteBuffer> createFailedPublisher() {
    ReactiveStore kv = Weir.inMemory();
    stores.add(kv);
    ObjectStore objects = ObjectStore.over(kv);
    objects.createBucket("tck").block(GUARD);
    return objects.bucket("tck").read("missing");
  }

  @Override
  public long maxElementsFromPublisher() {
    return 4_096;
  }

  @AfterMethod
  public void closeStores() {
    for (ReactiveStore s : stores) {
      s.close().block(GUARD);
    }
    stores.clear();
  }
}
