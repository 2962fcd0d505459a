package dev.weir.engine.key;

/**
 * What a version of a key holds. The byte codes are stored in runs and may travel in
 * serialised form: DO NOT CHANGE them, add new ones.
 */
public final class ValueKind {

  public static final byte DELETE = 0;
  public static final byte PUT = 1;

  private ValueKind() {}
}
