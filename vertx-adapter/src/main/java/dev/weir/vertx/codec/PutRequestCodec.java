package dev.weir.vertx.codec;

import dev.weir.reactive.PutOptions;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/** Mode byte: 0 plain put, 1 options {@code null}, 2 options follow. DO NOT CHANGE. */
final class PutRequestCodec extends BinaryCodec<PutRequest> {

  private static final byte PLAIN = 0;
  private static final byte NULL_OPTIONS = 1;
  private static final byte OPTIONS = 2;

  PutRequestCodec() {
    super("weir.put-request", PutRequest.class);
  }

  @Override
  void write(Buffer b, PutRequest m) {
    WireWriter.writeBytes(b, m.key());
    WireWriter.writeBytes(b, m.value());
    if (!m.withOptions()) {
      b.appendByte(PLAIN);
    } else if (m.options() == null) {
      b.appendByte(NULL_OPTIONS);
    } else {
      b.appendByte(OPTIONS);
      WireWriter.writeDuration(b, m.options().ttl());
      b.appendLong(m.options().expectedSequence());
    }
  }

  @Override
  PutRequest read(WireReader r) {
    var key = r.readBytes();
    var value = r.readBytes();
    byte mode = r.readByte();
    switch (mode) {
      case PLAIN:
        return PutRequest.plain(key, value);
      case NULL_OPTIONS:
        return PutRequest.withOptions(key, value, null);
      case OPTIONS:
        Duration ttl = r.readDuration();
        PutOptions o = condition(r.readLong());
        return PutRequest.withOptions(key, value, ttl == null ? o : o.withTtl(ttl));
      default:
        throw WireReader.malformed("put mode " + mode);
    }
  }

  private static PutOptions condition(long expected) {
    if (expected == -1) {
      return PutOptions.defaults();
    }
    if (expected == 0) {
      return PutOptions.ifAbsent();
    }
    if (expected > 0) {
      return PutOptions.ifSequence(expected);
    }
    throw WireReader.malformed("expected sequence " + expected);
  }
}
