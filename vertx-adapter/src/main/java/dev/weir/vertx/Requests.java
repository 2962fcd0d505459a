package dev.weir.vertx;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.engine.WriteBatch;
import dev.weir.vertx.codec.KeyRequest;
import dev.weir.vertx.codec.PutRequest;
import io.vertx.core.eventbus.Message;

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
    if (body instanceof io.vertx.core.buffer.Buffer) {
      return ((io.vertx.core.buffer.Buffer) body).length();
    }
    return 0;
  }

  private static long length(dev.weir.engine.Bytes b) {
    return b == null ? 0 : b.length();
  }

  static InvalidArgumentException malformed(Message<Object> m, String why) {
    return new InvalidArgumentException("malformed message to " + m.address() + ": " + why);
  }
}
