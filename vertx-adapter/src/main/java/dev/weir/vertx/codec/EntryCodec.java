package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import io.vertx.core.buffer.Buffer;

final class EntryCodec extends BinaryCodec<Entry> {

  EntryCodec() {
    super("weir.entry", Entry.class);
  }

  @Override
  void write(Buffer b, Entry e) {
    WireWriter.writeBytes(b, e.key());
    WireWriter.writeBytes(b, e.value());
    b.appendLong(e.sequence());
  }

  @Override
  Entry read(WireReader r) {
    Bytes key = r.readBytes();
    Bytes value = r.readBytes();
    long sequence = r.readLong();
    if (key == null || value == null) {
      throw WireReader.malformed("entry without key or value");
    }
    return new Entry(key, value, sequence);
  }
}
