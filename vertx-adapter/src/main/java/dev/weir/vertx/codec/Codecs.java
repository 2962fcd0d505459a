package dev.weir.vertx.codec;

import io.vertx.core.eventbus.EventBus;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers Weir's message codecs on an event bus, each as the default codec of its message
 * type, so that sending a {@code Bytes}, an {@code Entry} or a request picks its codec without
 * naming it. Once per event bus: the service and a client on the same Vert.x share them. A name
 * that another codec already holds fails fast (Vert.x refuses the registration) rather than
 * decoding one type with another's codec.
 */
public final class Codecs {

  private static final List<BinaryCodec<?>> ALL = List.of(
      new BytesCodec(),
      new EntryCodec(),
      new KeyRangeCodec(),
      new WriteBatchCodec(),
      new EngineStatsCodec(),
      new KeyRequestCodec(),
      new PutRequestCodec(),
      new HandleCodec(),
      new CreditCodec(),
      new StreamFrameCodec(),
      new WeirFailureCodec(),
      new ObjectRequestCodec(),
      new ObjectWriteCodec(),
      new PartsRequestCodec(),
      new UploadChunkCodec(),
      new UploadGrantCodec(),
      new BucketInfoCodec(),
      new ObjectInfoCodec(),
      new BucketStatsCodec(),
      new ListingCodec(),
      new UploadCodec(),
      new PartInfoCodec(),
      new FeaturesCodec(),
      new TableRequestCodec(),
      new TableSchemaCodec(),
      new TableDescriptionCodec(),
      new ItemRequestCodec(),
      new ItemMessageCodec(),
      new ReadRequestCodec(),
      new PageCodec(),
      new TableBatchCodec(),
      new ItemListCodec(),
      new StatementRequestCodec(),
      new StatementPageCodec());

  private static final Map<EventBus, Boolean> REGISTERED =
      Collections.synchronizedMap(new WeakHashMap<>());

  static {
    Set<String> names = new HashSet<>();
    for (BinaryCodec<?> c : ALL) {
      if (!names.add(c.name())) {
        throw new IllegalStateException("two Weir codecs are named " + c.name());
      }
    }
  }

  private Codecs() {}

  /** Registers every codec on {@code bus} unless this bus has them already; idempotent. */
  public static void register(EventBus bus) {
    synchronized (REGISTERED) {
      if (REGISTERED.containsKey(bus)) {
        return;
      }
      for (BinaryCodec<?> c : ALL) {
        registerDefault(bus, c);
      }
      REGISTERED.put(bus, Boolean.TRUE);
    }
  }

  /** The names in use, for tests and for diagnosing a clash. */
  public static List<String> names() {
    return ALL.stream().map(BinaryCodec::name).toList();
  }

  private static <T> void registerDefault(EventBus bus, BinaryCodec<T> codec) {
    bus.registerDefaultCodec(codec.type(), codec);
  }
}
