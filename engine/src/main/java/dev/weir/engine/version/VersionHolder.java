package dev.weir.engine.version;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holds the current {@link Version}. Written only by the write loop (release), read by
 * everyone with one volatile read (acquire).
 */
public final class VersionHolder {

  private volatile Version current;

  public VersionHolder(Version initial) {
    this.current = initial;
  }

  public Version current() {
    return current;
  }

  /** Called only by the write loop: a release store, which is all a reader's acquire needs. */
  public void install(Version next) {
    CURRENT.setRelease(this, next);
  }

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT =
          MethodHandles.lookup()
              .findVarHandle(VersionHolder.class, "current", Version.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
