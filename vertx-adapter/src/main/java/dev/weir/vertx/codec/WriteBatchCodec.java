package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.WriteBatch;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * A batch as its operations in order. Operation kinds travel as explicit codes, never
 * {@code ordinal()}: 1 put, 2 delete, 3 delete prefix, 4 delete range, 5 log record. DO NOT
 * CHANGE them. Arguments are not checked here: the store refuses a bad batch as a whole.
 */
final class WriteBatchCodec extends BinaryCodec<WriteBatch> {

  private static final int MIN_OP_BYTES = 1 + 4 + 4 + 4 + 1;

  WriteBatchCodec() {
    super("weir.write-batch", WriteBatch.class);
  }

  @Override
  void write(Buffer b, WriteBatch m) {
    b.appendInt(m.size());
    for (WriteBatch.Op op : m.ops()) {
      b.appendByte(code(op.kind()));
      WireWriter.writeBytes(b, op.key());
      WireWriter.writeBytes(b, op.value());
      WireWriter.writeBytes(b, op.to());
      WireWriter.writeDuration(b, op.ttl());
    }
  }

  @Override
  WriteBatch read(WireReader r) {
    int n = r.readCount(MIN_OP_BYTES);
    WriteBatch.Builder w = WriteBatch.builder();
    for (int i = 0; i < n; i++) {
      byte kind = r.readByte();
      Bytes key = r.readBytes();
      Bytes value = r.readBytes();
      Bytes to = r.readBytes();
      Duration ttl = r.readDuration();
      switch (kind) {
        case 1:
          if (ttl == null) {
            w.put(key, value);
          } else {
            w.put(key, value, ttl);
          }
          break;
        case 2:
          w.delete(key);
          break;
        case 3:
          w.deletePrefix(key);
          break;
        case 4:
          w.deleteRange(key, to);
          break;
        case 5:
          w.log(key, value);
          break;
        default:
          throw WireReader.malformed("batch operation kind " + kind);
      }
    }
    return w.build();
  }

  private static byte code(WriteBatch.Kind kind) {
    switch (kind) {
      case PUT:
        return 1;
      case DELETE:
        return 2;
      case DELETE_PREFIX:
        return 3;
      case DELETE_RANGE:
        return 4;
      case LOG:
        return 5;
      default:
        throw new IllegalStateException("no wire code for " + kind);
    }
  }
}
