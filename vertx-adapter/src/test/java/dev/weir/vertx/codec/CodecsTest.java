package dev.weir.vertx.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import dev.weir.reactive.object.BucketInfo;
import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Features;
import dev.weir.reactive.object.Listing;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each codec round-trips its message exactly through the wire form, and every truncation or
 * corruption of a wire form is refused with a typed {@link InvalidArgumentException}, never an
 * index error or a huge allocation. Registration is once per bus and fails fast on a clash.
 */
class CodecsTest {

  private static final Bytes K = Bytes.utf8("key");
  private static final Bytes V = Bytes.fromHex("00ff7f80");

  static List<Object[]> samples() {
    return List.of(
        new Object[] {new BytesCodec(), V},
        new Object[] {new EntryCodec(), new Entry(K, V, 42)},
        new Object[] {new KeyRangeCodec(), KeyRange.of(K, null).reversed().limit(7)},
        new Object[] {new WriteBatchCodec(), WriteBatch.builder().put(K, V)
            .put(K, V, Duration.ofSeconds(Long.MIN_VALUE)).delete(K).deletePrefix(K)
            .deleteRange(K, null).log(K, V).log(K, Bytes.EMPTY).build()},
        new Object[] {new EngineStatsCodec(), new EngineStats(1, 2, 3, 4, 5, List.of(6, 7), 8,
            9, 10, 11, 12, "java.lang.IllegalStateException: boom", 13, 14, 15, 16, 17, 18, 19,
            20, 21, 22, 23, 24, 25, 26, 27, "dev.weir.engine.StorageFailedException: disk")},
        new Object[] {new KeyRequestCodec(), new KeyRequest(null, -3)},
        new Object[] {new PutRequestCodec(), PutRequest.withOptions(K, Bytes.EMPTY,
            PutOptions.ifSequence(9).withTtl(Duration.ofNanos(-1)))},
        new Object[] {new HandleCodec(), new Handle(1, 2, true)},
        new Object[] {new CreditCodec(), new Credit(3, 4)},
        new Object[] {new StreamFrameCodec(), new StreamFrame(5, StreamFrame.Kind.CHANGE,
            List.of(new ChangeEvent(ChangeEvent.Type.RANGE_DELETE, K, null, null, 8),
                new ChangeEvent(ChangeEvent.Type.PUT, K, V, null, 9),
                new ChangeEvent(ChangeEvent.Type.LOG, K, V, null, 10)), true, 12, 0,
            "last delivered sequence 7", null)},
        new Object[] {new StreamFrameCodec(), StreamFrame.items(6, StreamFrame.Kind.KEY_VERSION,
            List.of(new KeyVersion(3, null), new KeyVersion(2, V)))},
        new Object[] {new WeirFailureCodec(), new WeirFailure(6, 2, "no such bucket: b")},
        new Object[] {new WeirFailureCodec(), new WeirFailure(14, 0, "replaced", "5eed")},
        new Object[] {new ObjectRequestCodec(), ObjectRequest.listing("b", "p/", "/", null, 7)},
        new Object[] {new ObjectRequestCodec(), new ObjectRequest(null, "k", "", "a", -1, 9)},
        new Object[] {new ObjectWriteCodec(), new ObjectWrite("b", "k",
            ObjectOptions.contentType("text/plain").withMetadata(Map.of("a", "")))},
        new Object[] {new ObjectWriteCodec(), new ObjectWrite(null, null, null)},
        new Object[] {new PartsRequestCodec(), new PartsRequest("b", UPLOAD, 3,
            Arrays.asList(PartInfo.of(1, "e"), null, PART))},
        new Object[] {new PartsRequestCodec(), PartsRequest.of("b", null)},
        new Object[] {new UploadChunkCodec(), new UploadChunk(1, 2, true,
            V.asReadOnlyByteBuffer())},
        new Object[] {new UploadGrantCodec(), new UploadGrant(4, 1 << 20)},
        new Object[] {new BucketInfoCodec(), new BucketInfo("b", Instant.ofEpochMilli(42))},
        new Object[] {new ObjectInfoCodec(), INFO},
        new Object[] {new BucketStatsCodec(), new BucketStats("b", 1, 2, 3, 4)},
        new Object[] {new ListingCodec(), new Listing(List.of(INFO, INFO), List.of("d/"), true,
            "k")},
        new Object[] {new UploadCodec(), new Upload(null, "k", "../x", null)},
        new Object[] {new PartInfoCodec(), PART},
        new Object[] {new FeaturesCodec(), FEATURES},
        new Object[] {new StreamFrameCodec(), StreamFrame.items(7, StreamFrame.Kind.OBJECT,
            List.of(INFO))},
        new Object[] {new StreamFrameCodec(), StreamFrame.items(8, StreamFrame.Kind.UPLOAD,
            List.of(UPLOAD)).ending(6, 4, "no such upload: x")},
        new Object[] {new StreamFrameCodec(), StreamFrame.items(9, StreamFrame.Kind.BUFFER,
            List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}).asReadOnlyBuffer()))});
  }

  private static final Upload UPLOAD = new Upload("b", "k", "id", Instant.ofEpochMilli(5));
  private static final Features FEATURES = embeddedFeatures();

  /** The embedded store's: the record grows with the object layer, so no literal here. */
  private static Features embeddedFeatures() {
    ReactiveStore kv = Weir.inMemory();
    try {
      return ObjectStore.over(kv).features();
    } finally {
      kv.close().block();
    }
  }

  @Test
  void featuresOfAnotherShapeAreRefusedNotMisread() {
    Buffer wire = Buffer.buffer();
    new FeaturesCodec().encodeToWire(wire, FEATURES);
    Buffer shorter = wire.copy();
    shorter.setInt(4, wire.getInt(4) - 1);
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> new FeaturesCodec().decodeFromWire(0, shorter));
    assertTrue(e.getMessage().contains("another version"), e.getMessage());
  }
  private static final PartInfo PART = new PartInfo(2, "f", 10, Instant.EPOCH);
  private static final ObjectInfo INFO = new ObjectInfo("dir/ü", 3, "text/plain",
      Map.of("owner", "ann"), "900150983cd24fb0d6963f7d28e17f72", -5, 77, Instant.ofEpochMilli(9));

  @Test
  void objectContentCrossesByteForByteAsAReadOnlyBufferLeavingTheSourceUnmoved() {
    ByteBuffer content = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9}, 1, 3).slice()
        .asReadOnlyBuffer();
    StreamFrameCodec codec = new StreamFrameCodec();
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, StreamFrame.items(1, StreamFrame.Kind.BUFFER, List.of(content)));
    ByteBuffer back = (ByteBuffer) codec.decodeFromWire(0, wire).items().get(0);
    assertEquals(0, content.position());
    assertTrue(back.isReadOnly());
    assertEquals(content, back);
  }

  @Test
  void everyMessageRoundTripsAndEveryTruncationIsRefusedTyped() {
    Random rnd = new Random(1);
    for (Object[] s : samples()) {
      roundTripsAndRefusesDamage((MessageCodec<?, ?>) s[0], s[1], String::valueOf, rnd);
    }
  }

  /**
   * Encodes {@code message}, decodes it back (equal when {@code describe}d alike), and checks
   * that every truncation, and 200 random one-byte corruptions, are refused with a typed
   * {@link InvalidArgumentException} or decode to something, never anything else.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object roundTripsAndRefusesDamage(MessageCodec codec, Object message,
      java.util.function.Function<Object, String> describe, Random rnd) {
    Buffer wire = Buffer.buffer().appendString("head");
    codec.encodeToWire(wire, message);
    Object back = codec.decodeFromWire(4, wire);
    assertEquals(describe.apply(message), describe.apply(back), codec.name());
    for (int cut = 4; cut < wire.length(); cut++) {
      Buffer truncated = wire.getBuffer(0, cut);
      assertThrows(InvalidArgumentException.class, () -> codec.decodeFromWire(4, truncated),
          codec.name() + " cut at " + cut);
    }
    for (int i = 0; i < 200; i++) {
      Buffer corrupt = wire.copy();
      int at = 4 + rnd.nextInt(wire.length() - 4);
      corrupt.setByte(at, (byte) rnd.nextInt(256));
      try {
        codec.decodeFromWire(4, corrupt);
      } catch (InvalidArgumentException expected) {
        // a typed refusal is the only acceptable failure
      }
    }
    return back;
  }

  @Test
  void registrationIsOncePerBusAndAClashFailsFast() {
    Vertx vertx = Vertx.vertx();
    try {
      Codecs.register(vertx.eventBus());
      Codecs.register(vertx.eventBus());
    } finally {
      vertx.close();
    }
    Vertx other = Vertx.vertx();
    try {
      other.eventBus().registerCodec(new CreditCodecImpostor());
      assertThrows(IllegalStateException.class, () -> Codecs.register(other.eventBus()));
    } finally {
      other.close();
    }
  }

  /** Another codec that claims a Weir codec's name. */
  private static final class CreditCodecImpostor extends BinaryCodec<String> {
    CreditCodecImpostor() {
      super("weir.credit", String.class);
    }

    @Override
    void write(Buffer b, String m) {}

    @Override
    String read(WireReader r) {
      return "";
    }
  }
}
