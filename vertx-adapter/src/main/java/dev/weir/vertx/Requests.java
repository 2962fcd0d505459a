package dev.weir.vertx;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteRequest;
import dev.weir.table.codec.ItemSize;
import dev.weir.vertx.codec.ItemRequest;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.TableBatch;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.PartsRequest;
import dev.weir.vertx.codec.PutRequest;
import dev.weir.vertx.codec.UploadChunk;
import io.vertx.core.eventbus.Message;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Reading a request safely: its body as the type the address expects, its headers as numbers,
 * its size against the service's limit. Anything else is a malformed message, answered with an
 * {@link InvalidArgumentException} and never reaching the store.
 */
final class Requests {

  private Requests() {}

  static <T> T body(Message<Object> m, Class<T> type) {
    Object body = m.body();
    if (!type.isInstance(body)) {
      throw malformed(m, "expected a " + type.getSimpleName() + " body, got "
          + (body == null ? "none" : body.getClass().getSimpleName()));
    }
    return type.cast(body);
  }

  /** A body that may be {@code null} (the store refuses a null batch or range itself). */
  static <T> T nullableBody(Message<Object> m, Class<T> type) {
    return m.body() == null ? null : body(m, type);
  }

  static String header(Message<Object> m, String name) {
    String v = m.headers().get(name);
    if (v == null) {
      throw malformed(m, "no " + name + " header");
    }
    return v;
  }

  static long longHeader(Message<Object> m, String name) {
    String v = header(m, name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw malformed(m, name + " header is not a number: " + v);
    }
  }

  /** Who opens a stream or an upload, the id it gives it, and the credit it grants at once. */
  record StreamHeaders(String owner, long id, long credit) {}

  static StreamHeaders streamHeaders(Message<Object> m) {
    String owner = header(m, Addresses.OWNER);
    long id = longHeader(m, Addresses.STREAM);
    long credit = longHeader(m, Addresses.INITIAL_CREDIT);
    if (credit < 0) {
      throw malformed(m, "initial credit must not be negative, was " + credit);
    }
    return new StreamHeaders(owner, id, credit);
  }

  /** A bucket name, which the object store's {@code bucket(name)} would refuse by throwing. */
  static String bucketName(Message<Object> m, String name) {
    if (name == null) {
      throw malformed(m, "no bucket name");
    }
    return name;
  }

  static void checkSize(Message<Object> m, int max) {
    long size = sizeOf(m.body());
    if (size > max) {
      throw new InvalidArgumentException("request to " + m.address() + " of " + size
          + " bytes exceeds the service's maxRequestBytes " + max);
    }
  }

  /** The bytes of keys and values a request carries; the framing is small and bounded. */
  private static long sizeOf(Object body) {
    if (body instanceof PutRequest) {
      PutRequest p = (PutRequest) body;
      return length(p.key()) + length(p.value());
    }
    if (body instanceof KeyRequest) {
      return length(((KeyRequest) body).key());
    }
    if (body instanceof WriteBatch) {
      long n = 0;
      for (WriteBatch.Op op : ((WriteBatch) body).ops()) {
        n += 16 + length(op.key()) + length(op.value()) + length(op.to());
      }
      return n;
    }
    if (body instanceof KeyRange) {
      KeyRange r = (KeyRange) body;
      return length(r.fromKey()) + length(r.toKey());
    }
    if (body instanceof UploadChunk) {
      ByteBuffer data = ((UploadChunk) body).data();
      return data == null ? 0 : data.remaining();
    }
    if (body instanceof ObjectRequest) {
      ObjectRequest r = (ObjectRequest) body;
      return chars(r.bucket()) + chars(r.key()) + chars(r.arg()) + chars(r.startAfter());
    }
    if (body instanceof ObjectWrite) {
      ObjectWrite w = (ObjectWrite) body;
      return chars(w.bucket()) + chars(w.key()) + sizeOf(w.options());
    }
    if (body instanceof PartsRequest) {
      PartsRequest p = (PartsRequest) body;
      long n = chars(p.bucket()) + sizeOf(p.upload());
      for (PartInfo part : p.parts() == null ? List.<PartInfo>of() : p.parts()) {
        n += 32 + (part == null ? 0 : chars(part.etag()));
      }
      return n;
    }
    if (body instanceof ItemRequest) {
      ItemRequest r = (ItemRequest) body;
      return chars(r.table()) + chars(r.update()) + size(r.item());
    }
    if (body instanceof TableBatch) {
      return sizeOf((TableBatch) body);
    }
    if (body instanceof io.vertx.core.buffer.Buffer) {
      return ((io.vertx.core.buffer.Buffer) body).length();
    }
    return 0;
  }

  private static long sizeOf(ObjectOptions o) {
    if (o == null) {
      return 0;
    }
    long n = chars(o.contentType());
    for (Map.Entry<String, String> e : o.metadata().entrySet()) {
      n += chars(e.getKey()) + chars(e.getValue());
    }
    return n;
  }

  /** An item's size as DynamoDB counts it, which bounds it at 400 KB; a batch's items summed. */
  private static long sizeOf(TableBatch b) {
    long n = 0;
    for (WriteRequest w : b.writes() == null ? List.<WriteRequest>of() : b.writes()) {
      n += w == null ? 0 : size(w.item());
    }
    for (KeyRef k : b.keys() == null ? List.<KeyRef>of() : b.keys()) {
      n += k == null ? 0 : size(k.key());
    }
    for (TransactWriteItem t : b.transact() == null ? List.<TransactWriteItem>of() : b.transact()) {
      n += t == null ? 0 : size(t.item()) + chars(t.updateText());
    }
    return n;
  }

  private static long size(Item item) {
    return item == null ? 0 : ItemSize.of(item);
  }

  private static long sizeOf(Upload u) {
    return u == null ? 0 : chars(u.bucket()) + chars(u.key()) + chars(u.uploadId());
  }

  private static long length(dev.weir.engine.Bytes b) {
    return b == null ? 0 : b.length();
  }

  /** Characters, not bytes: a bound as good as any for names the store limits far below it. */
  private static long chars(String s) {
    return s == null ? 0 : s.length();
  }

  static InvalidArgumentException malformed(Message<Object> m, String why) {
    return new InvalidArgumentException("malformed message to " + m.address() + ": " + why);
  }
}
