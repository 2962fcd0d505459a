package dev.weir.cli;

/**
 * An object address as the object commands take it: {@code bucket/key}, split at the first
 * {@code /} (bucket names cannot hold one, so keys may). {@code key} is empty for a bare
 * {@code bucket} or {@code bucket/}; a key ending in {@code /} names a prefix ("folder").
 */
record ObjectPath(String bucket, String key) {

  static ObjectPath parse(Token token) {
    String text = token.text();
    int slash = text.indexOf('/');
    String bucket = slash < 0 ? text : text.substring(0, slash);
    if (bucket.isEmpty()) {
      throw new ShellException("bad object path '" + text + "': expected <bucket>/<key>");
    }
    return new ObjectPath(bucket, slash < 0 ? "" : text.substring(slash + 1));
  }

  /** The path of one object: the key must be given. */
  static ObjectPath object(Token token) {
    ObjectPath p = parse(token);
    if (p.key.isEmpty()) {
      throw new ShellException(
          "'" + token.text() + "' names no object: expected <bucket>/<key>");
    }
    return p;
  }

  boolean isPrefix() {
    return key.isEmpty() || key.endsWith("/");
  }

  @Override
  public String toString() {
    return bucket + "/" + key;
  }
}
