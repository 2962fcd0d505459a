package dev.weir.vertx.codec;

/**
 * A request about objects of one bucket, whose fields the address gives a meaning: {@code key}
 * is the key, the source of a copy or move, or a prefix; {@code arg} the target of a copy or
 * move, or a listing's delimiter; {@code startAfter} where a listing resumes; {@code offset} and
 * {@code length} a ranged read's (the listing's limit is its length). Any may be {@code null}:
 * the store, not the bus, refuses a bad argument.
 */
public record ObjectRequest(
    String bucket, String key, String arg, String startAfter, long offset, long length)
    implements WireText {

  @Override
  public void checkText() {
    WireText.check("bucket", bucket);
    WireText.check("key", key);
    WireText.check("argument", arg);
    WireText.check("startAfter", startAfter);
  }

  /** About the bucket itself (create, delete, stats, its uploads). */
  public static ObjectRequest bucket(String bucket) {
    return new ObjectRequest(bucket, null, null, null, 0, 0);
  }

  /** About one key or prefix. */
  public static ObjectRequest key(String bucket, String key) {
    return new ObjectRequest(bucket, key, null, null, 0, 0);
  }

  /** From one key or prefix to another. */
  public static ObjectRequest pair(String bucket, String from, String to) {
    return new ObjectRequest(bucket, from, to, null, 0, 0);
  }

  public static ObjectRequest range(String bucket, String key, long offset, long length) {
    return new ObjectRequest(bucket, key, null, null, offset, length);
  }

  public static ObjectRequest listing(
      String bucket, String prefix, String delimiter, String startAfter, int limit) {
    return new ObjectRequest(bucket, prefix, delimiter, startAfter, 0, limit);
  }
}
