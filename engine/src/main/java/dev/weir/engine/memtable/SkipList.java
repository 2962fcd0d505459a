package dev.weir.engine.memtable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The memtable's ordered index: a skip list from user key to its chain of versions, written by
 * one thread (the write loop) and read by any number of threads without locks.
 *
 * <p>Why not {@link java.util.concurrent.ConcurrentSkipListMap}, which served before: it is
 * built for many writers, and the memtable has one. With one writer
 *
 * <ul>
 *   <li>an insert is one search and plain stores, then one release store per level to publish
 *       the node; no compare-and-set, no retry, no helping;
 *   <li>an overwrite is the same search and one release store of the node's newest version,
 *       where the map took {@code putIfAbsent} then {@code put}: two searches;
 *   <li>a key's first version is its node, so a new key costs one object, not a map node and a
 *       version (and no separate index nodes: a node's upper links live in one small array);
 *   <li>each node carries its key's first eight bytes as an unsigned long, so most comparisons
 *       on the way down resolve without loading the key's array: one dependent cache miss fewer
 *       per step, and a search is a chain of such misses.
 * </ul>
 *
 * <p>Heights are 1 + a geometric count with p = 1/4, at most {@value #MAX_HEIGHT} (LevelDB's
 * choice: 4^12 keys before the top level thins out, far above any memtable), drawn from the
 * writer's own xorshift state: heights do not depend on keys, so no key pattern skews them.
 *
 * <p>Readers see no half-built node: a node's fields are final or stored before the release
 * store that links it at level 0, and versions are immutable and published the same way. A
 * node is linked bottom-up, so a reader that misses it on an upper level finds it lower down;
 * a reader never climbs, so it never meets a node whose upper links are still being stored.
 * Nothing is removed: a memtable is dropped whole once flushed.
 */
final class SkipList {

  static final int MAX_HEIGHT = 12;

  private static final VarHandle NEXT0;
  private static final VarHandle NEWEST;
  private static final VarHandle HEIGHT;
  private static final VarHandle UPPER = MethodHandles.arrayElementVarHandle(Node[].class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEXT0 = lookup.findVarHandle(Node.class, "next0", Node.class);
      NEWEST = lookup.findVarHandle(Node.class, "newest", MemVersion.class);
      HEIGHT = lookup.findVarHandle(SkipList.class, "height", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Node head = new Node(null, 0, MAX_HEIGHT, 0, (byte) 0, null, 0);
  /** Levels in use; stored by the writer with release, read by readers with acquire. */
  @SuppressWarnings("unused")
  private int height = 1;
  /** The writer's: its random state and its search's predecessors, reused per insert. */
  private long random = 0x9E3779B97F4A7C15L;

  private final Node[] preds = new Node[MAX_HEIGHT];

  boolean isEmpty() {
    return head.next(0) == null;
  }

  /**
   * Called only by the writer. Adds a version of {@code key}: a new node if the key is new,
   * else a new newest version of its node. Returns whether the key was new.
   */
  boolean add(byte[] key, long seq, byte kind, byte[] value, long expireAt) {
    long prefix = prefixOf(key);
    int levels = (int) HEIGHT.getOpaque(this);
    Node x = head;
    for (int level = levels - 1; level >= 0; level--) {
      Node n;
      while ((n = x.next(level)) != null) {
        int c = compare(key, prefix, n);
        if (c == 0) {
          NEWEST.setRelease(n, new MemVersion(seq, kind, value, expireAt, n.newest()));
          return false;
        }
        if (c < 0) {
          break;
        }
        x = n;
      }
      preds[level] = x;
    }
    int h = randomHeight();
    for (int level = levels; level < h; level++) {
      preds[level] = head;
    }
    Node node = new Node(key, prefix, h, seq, kind, value, expireAt);
    for (int level = 0; level < h; level++) {
      node.initNext(level, preds[level].next(level));
    }
    for (int level = 0; level < h; level++) {
      preds[level].publishNext(level, node);
    }
    if (h > levels) {
      HEIGHT.setRelease(this, h);
    }
    return true;
  }

  /** The node of {@code key}, or null. */
  Node find(byte[] key) {
    long prefix = prefixOf(key);
    Node x = head;
    for (int level = (int) HEIGHT.getAcquire(this) - 1; level >= 0; level--) {
      Node n;
      while ((n = x.next(level)) != null) {
        int c = compare(key, prefix, n);
        if (c == 0) {
          return n;
        }
        if (c < 0) {
          break;
        }
        x = n;
      }
    }
    return null;
  }

  /** The first node whose key is at least {@code key} (the first node for null), or null. */
  Node ceiling(byte[] key) {
    if (key == null) {
      return head.next(0);
    }
    return lastBelow(key).next(0);
  }

  /** The last node whose key is below {@code key} (the last node for null), or null. */
  Node lower(byte[] key) {
    Node x = lastBelow(key);
    return x == head ? null : x;
  }

  /** The last node below {@code key} (any node for null), or the head. */
  private Node lastBelow(byte[] key) {
    long prefix = key == null ? 0 : prefixOf(key);
    Node x = head;
    for (int level = (int) HEIGHT.getAcquire(this) - 1; level >= 0; level--) {
      Node n;
      while ((n = x.next(level)) != null && (key == null || compare(key, prefix, n) > 0)) {
        x = n;
      }
    }
    return x;
  }

  private int randomHeight() {
    long r = random;
    r ^= r << 13;
    r ^= r >>> 7;
    r ^= r << 17;
    random = r;
    int h = 1;
    while (h < MAX_HEIGHT && (r & 3) == 0) {
      h++;
      r >>>= 2;
    }
    return h;
  }

  /** {@code key} (whose first eight bytes are {@code prefix}) against {@code node}'s key. */
  private static int compare(byte[] key, long prefix, Node node) {
    if (prefix != node.prefix) {
      return Long.compareUnsigned(prefix, node.prefix);
    }
    return Arrays.compareUnsigned(key, node.key);
  }

  /**
   * The key's first eight bytes, big-endian, zero-padded: unequal prefixes order as their keys
   * do (a shorter key padded with zeros sorts before any longer key that differs from the
   * padding), equal ones need the whole keys compared.
   */
  static long prefixOf(byte[] key) {
    // byte by byte, computed once per search: a byte-array view VarHandle is no faster here
    // and Lincheck's model checker cannot follow one
    int n = Math.min(key.length, Long.BYTES);
    long p = 0;
    for (int i = 0; i < n; i++) {
      p = (p << 8) | (key[i] & 0xFF);
    }
    return p << (8 * (Long.BYTES - n)); // n = 0: p is 0 whatever the shift
  }

  /**
   * A key's node, which is also its oldest version in this memtable. Its links and newest
   * version are stored by the writer only, with release, and loaded with acquire.
   */
  static final class Node extends MemVersion {
    final byte[] key;
    final long prefix;
    private final Node[] upper;
    @SuppressWarnings("unused")
    private Node next0;
    @SuppressWarnings("unused")
    private MemVersion newest;

    Node(byte[] key, long prefix, int height, long seq, byte kind, byte[] value, long expireAt) {
      super(seq, kind, value, expireAt, null);
      this.key = key;
      this.prefix = prefix;
      this.upper = height == 1 ? null : new Node[height - 1];
      this.newest = this;
    }

    /** The head of the key's chain: the newest version this memtable holds. */
    MemVersion newest() {
      return (MemVersion) NEWEST.getAcquire(this);
    }

    Node next(int level) {
      return level == 0
          ? (Node) NEXT0.getAcquire(this)
          : (Node) UPPER.getAcquire(upper, level - 1);
    }

    /** Before the node is published: plain stores, made visible by the publishing one. */
    private void initNext(int level, Node n) {
      if (level == 0) {
        next0 = n;
      } else {
        upper[level - 1] = n;
      }
    }

    private void publishNext(int level, Node n) {
      if (level == 0) {
        NEXT0.setRelease(this, n);
      } else {
        UPPER.setRelease(upper, level - 1, n);
      }
    }
  }
}
