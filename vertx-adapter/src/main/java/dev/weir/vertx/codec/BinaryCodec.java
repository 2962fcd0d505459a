package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The shape of every Weir codec. On the wire a message is its length and then its fields, so a
 * decoder never reads past its own message. Locally a message is handed over as it is: every
 * message type is immutable (and so is {@link dev.weir.engine.Bytes}), so sharing it costs
 * nothing and copies nothing, which is the point of a codec over raw buffers.
 */
abstract class BinaryCodec<T> implements MessageCodec<T, T> {

  private final String name;
  private final Class<T> type;

  BinaryCodec(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  abstract void write(Buffer buffer, T message);

  abstract T read(WireReader reader);

  final Class<T> type() {
    return type;
  }

  @Override
  public final void encodeToWire(Buffer buffer, T message) {
    int start = buffer.length();
    buffer.appendInt(0);
    write(buffer, message);
    buffer.setInt(start, buffer.length() - start - 4);
  }

  @Override
  public final T decodeFromWire(int pos, Buffer buffer) {
    if (pos < 0 || pos + 4 > buffer.length()) {
      throw WireReader.malformed("no length at " + pos);
    }
    int length = buffer.getInt(pos);
    if (length < 0 || length > buffer.length() - pos - 4) {
      throw WireReader.malformed("length " + length + " past the end of the buffer");
    }
    WireReader reader = new WireReader(buffer, pos + 4, pos + 4 + length);
    T message = read(reader);
    reader.expectEnd();
    return message;
  }

  @Override
  public final T transform(T message) {
    return message;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final byte systemCodecID() {
    return -1;
  }
}
