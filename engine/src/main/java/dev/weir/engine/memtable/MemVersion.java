package dev.weir.engine.memtable;

/**
 * One version of a key in a memtable, linked to the next older one. Immutable: the writer
 * builds a new head and publishes it in the key's skip-list node, so a reader walking a chain
 * never sees a half-built version. Not final: a key's node is its oldest version.
 */
class MemVersion {
  final long seq;
  final byte kind;
  final byte[] value;
  final long expireAt;
  final MemVersion older;

  MemVersion(long seq, byte kind, byte[] value, long expireAt, MemVersion older) {
    this.seq = seq;
    this.kind = kind;
    this.value = value;
    this.expireAt = expireAt;
    this.older = older;
  }

  /** The newest version in this chain with a sequence at most {@code maxSeq}, or null. */
  MemVersion visibleAt(long maxSeq) {
    MemVersion v = this;
    while (v != null && v.seq > maxSeq) {
      v = v.older;
    }
    return v;
  }
}
