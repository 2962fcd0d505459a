package dev.weir.vertx.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.EngineStats;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.KeyVersion;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.PutOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.time.Duration;
import java.util.List;
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
            .deleteRange(K, null).build()},
        new Object[] {new EngineStatsCodec(), new EngineStats(1, 2, 3, 4, 5, List.of(6, 7), 8,
            9, 10, 11, 12, "java.lang.IllegalStateException: boom", 13, 14, 15, 16, 17, 18, 19)},
        new Object[] {new KeyRequestCodec(), new KeyRequest(null, -3)},
        new Object[] {new PutRequestCodec(), PutRequest.withOptions(K, Bytes.EMPTY,
            PutOptions.ifSequence(9).withTtl(Duration.ofNanos(-1)))},
        new Object[] {new HandleCodec(), new Handle(1, 2, true)},
        new Object[] {new CreditCodec(), new Credit(3, 4)},
        new Object[] {new StreamFrameCodec(), new StreamFrame(5, StreamFrame.Kind.CHANGE,
            List.of(new ChangeEvent(ChangeEvent.Type.RANGE_DELETE, K, null, null, 8),
                new ChangeEvent(ChangeEvent.Type.PUT, K, V, null, 9)), true, 12, 0,
            "last delivered sequence 7")},
        new Object[] {new StreamFrameCodec(), StreamFrame.items(6, StreamFrame.Kind.KEY_VERSION,
            List.of(new KeyVersion(3, null), new KeyVersion(2, V)))},
        new Object[] {new WeirFailureCodec(), new WeirFailure(6, 2, "no such bucket: b")});
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void everyMessageRoundTripsAndEveryTruncationIsRefusedTyped() {
    Random rnd = new Random(1);
    for (Object[] s : samples()) {
      MessageCodec codec = (MessageCodec) s[0];
      Buffer wire = Buffer.buffer().appendString("head");
      codec.encodeToWire(wire, s[1]);
      Object back = codec.decodeFromWire(4, wire);
      assertEquals(String.valueOf(s[1]), String.valueOf(back), codec.name());
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
    }
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
