package dev.weir.vertx.codec;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Stream id, kind code, the items (each in its kind's layout), then the end flag with an error
 * code, detail, message and payload (length -1: none).
 */
final class StreamFrameCodec extends BinaryCodec<StreamFrame> {

  private static final BinaryCodec<?> ENTRY = new EntryCodec();
  private static final BinaryCodec<?> KEY_VERSION = new KeyVersionCodec();
  private static final BinaryCodec<?> CHANGE = new ChangeEventCodec();
  private static final BinaryCodec<?> BUFFER = new ByteBufferCodec();
  private static final BinaryCodec<?> BUCKET = new BucketInfoCodec();
  private static final BinaryCodec<?> OBJECT = new ObjectInfoCodec();
  private static final BinaryCodec<?> BUCKET_STATS = new BucketStatsCodec();
  private static final BinaryCodec<?> PART = new PartInfoCodec();
  private static final BinaryCodec<?> UPLOAD = new UploadCodec();
  private static final BinaryCodec<?> ITEM = new ItemMessageCodec();
  private static final BinaryCodec<?> STREAM_RECORD = new StreamRecordCodec();
  private static final BinaryCodec<?> TABLE_NAME = new TableNameCodec();

  StreamFrameCodec() {
    super("weir.stream-frame", StreamFrame.class);
  }

  private static BinaryCodec<?> items(StreamFrame.Kind kind) {
    switch (kind) {
      case ENTRY:
        return ENTRY;
      case KEY_VERSION:
        return KEY_VERSION;
      case CHANGE:
        return CHANGE;
      case BUFFER:
        return BUFFER;
      case BUCKET:
        return BUCKET;
      case OBJECT:
        return OBJECT;
      case BUCKET_STATS:
        return BUCKET_STATS;
      case PART:
        return PART;
      case ITEM:
        return ITEM;
      case STREAM_RECORD:
        return STREAM_RECORD;
      case TABLE_NAME:
        return TABLE_NAME;
      default:
        return UPLOAD;
    }
  }

  @Override
  void write(Buffer b, StreamFrame f) {
    b.appendLong(f.stream()).appendByte((byte) f.kind().code()).appendInt(f.items().size());
    BinaryCodec<?> codec = items(f.kind());
    for (Object item : f.items()) {
      writeItem(b, codec, item);
    }
    WireWriter.writeBoolean(b, f.end());
    b.appendInt(f.errorCode()).appendInt(f.errorDetail());
    WireWriter.writeString(b, f.errorMessage());
    WireWriter.writeBytes(b, f.errorPayload());
  }

  @SuppressWarnings("unchecked")
  private static <T> void writeItem(Buffer b, BinaryCodec<T> codec, Object item) {
    codec.write(b, (T) item);
  }

  @Override
  StreamFrame read(WireReader r) {
    long stream = r.readLong();
    StreamFrame.Kind kind = StreamFrame.Kind.ofCode(r.readByte());
    int n = r.readCount(4);
    BinaryCodec<?> codec = items(kind);
    List<Object> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(codec.read(r));
    }
    boolean end = r.readBoolean();
    int code = r.readInt();
    int detail = r.readInt();
    String message = r.readString();
    return new StreamFrame(stream, kind, items, end, code, detail, message, r.readBytes());
  }
}
