package dev.weir.vertx.codec;

import dev.weir.reactive.object.Features;
import io.vertx.core.buffer.Buffer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * The record's components in declaration order, after their count: a flag as a byte, an enum
 * (such as an ETag algorithm) by its name. {@link Features} grows as the object layer does;
 * following its components keeps every one of them on the wire without a codec change, and the
 * count refuses a node whose {@code Features} has another shape instead of misreading it. Not
 * on the hot path: a client asks once, when it connects.
 */
final class FeaturesCodec extends BinaryCodec<Features> {

  private static final RecordComponent[] COMPONENTS = Features.class.getRecordComponents();

  FeaturesCodec() {
    super("weir.features", Features.class);
  }

  @Override
  void write(Buffer b, Features f) {
    b.appendInt(COMPONENTS.length);
    for (RecordComponent c : COMPONENTS) {
      Object value = get(c, f);
      if (c.getType() == boolean.class) {
        WireWriter.writeBoolean(b, (Boolean) value);
      } else {
        WireWriter.writeString(b, ((Enum<?>) value).name());
      }
    }
  }

  @Override
  Features read(WireReader r) {
    int n = r.readInt();
    if (n != COMPONENTS.length) {
      throw WireReader.malformed("features of " + n + " components, expected "
          + COMPONENTS.length + ": a node of another version");
    }
    Object[] values = new Object[n];
    Class<?>[] types = new Class<?>[n];
    for (int i = 0; i < n; i++) {
      types[i] = COMPONENTS[i].getType();
      values[i] = types[i] == boolean.class ? r.readBoolean() : constant(types[i], r);
    }
    try {
      Constructor<Features> canonical = Features.class.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw WireReader.malformed("features refused: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Features has no canonical constructor", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object constant(Class<?> type, WireReader r) {
    String name = r.readRequiredString(type.getSimpleName());
    try {
      return Enum.valueOf((Class) type, name);
    } catch (IllegalArgumentException e) {
      throw WireReader.malformed(type.getSimpleName() + " " + name);
    }
  }

  private static Object get(RecordComponent c, Features f) {
    try {
      return c.getAccessor().invoke(f);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Features." + c.getName() + " unreadable", e);
    }
  }
}
