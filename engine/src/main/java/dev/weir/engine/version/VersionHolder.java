package dev.weir.engine.version;

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

  /** Called only by the write loop. */
  public void install(Version next) {
    current = next;
  }
}
