package dev.weir.engine.write;

import dev.weir.engine.WeirException;
import dev.weir.engine.WriteCallback;
import dev.weir.engine.changes.ChangeLog;
import dev.weir.engine.snapshot.SnapshotRegistry;
import dev.weir.engine.version.VersionEdit;

/**
 * One unit handed to the write loop: a put, a delete, a range delete, a batch of those and of
 * log records, or a version edit from the compactor. Immutable request fields; the outcome fields are written by
 * the write loop and read by the completion step after the group is handed over (the hand-off
 * orders them).
 */
public final class WriteOp {

  public static final byte PUT = 1;
  public static final byte DELETE = 2;
  public static final byte DELETE_RANGE = 3;
  public static final byte BATCH = 4;
  public static final byte EDIT = 5;
  public static final byte FLUSH = 6;
  public static final byte COMMIT = 7;
  public static final byte EXPIRE = 8;
  /** A log record: a change for the change log only, never stored; an item of a batch. */
  public static final byte LOG = 9;
  /** Changes nothing: completes once every op queued before it has been applied. */
  public static final byte BARRIER = 10;

  /** No condition on the current value. */
  public static final long UNCONDITIONAL = -1;
  /** Applies only if the key has no live value. */
  public static final long IF_ABSENT = 0;

  final byte type;
  final byte[] key;
  /** The value of a put; the exclusive end of a range delete. */
  final byte[] value;
  final long expireAt;
  /** {@link #UNCONDITIONAL}, {@link #IF_ABSENT}, or the sequence the live value must have. */
  final long expectedSeq;
  final WriteOp[] items;
  final VersionEdit edit;
  final ReadSet readSet;
  final WriteCallback callback;
  /** Heap bytes the write adds, for the memory budget. */
  final long bytes;

  long sequence;
  long result;
  WeirException error;
  SnapshotRegistry.Pin countAt;
  WriteOp next;

  private WriteOp(
      byte type,
      byte[] key,
      byte[] value,
      long expireAt,
      long expectedSeq,
      WriteOp[] items,
      VersionEdit edit,
      ReadSet readSet,
      WriteCallback callback,
      long bytes) {
    this.type = type;
    this.key = key;
    this.value = value;
    this.expireAt = expireAt;
    this.expectedSeq = expectedSeq;
    this.items = items;
    this.edit = edit;
    this.readSet = readSet;
    this.callback = callback;
    this.bytes = bytes;
  }

  public static WriteOp put(
      byte[] key, byte[] value, long expireAt, long expectedSeq, WriteCallback callback) {
    return new WriteOp(
        PUT, key, value, expireAt, expectedSeq, null, null, null, callback, cost(key, value));
  }

  public static WriteOp delete(byte[] key, long expectedSeq, WriteCallback callback) {
    return new WriteOp(DELETE, key, null, 0, expectedSeq, null, null, null, callback, 0);
  }

  public static WriteOp deleteRange(byte[] from, byte[] to, WriteCallback callback) {
    return new WriteOp(DELETE_RANGE, from, to, 0, UNCONDITIONAL, null, null, null, callback, 0);
  }

  /**
   * A log record, an item of a batch or commit: it costs the budget only what the change log
   * pins, since no memtable ever holds it.
   */
  public static WriteOp log(byte[] key, byte[] value) {
    return new WriteOp(LOG, key, value, 0, UNCONDITIONAL, null, null, null, null,
        ChangeLog.cost(key, value));
  }

  public static WriteOp batch(WriteOp[] items, WriteCallback callback) {
    long bytes = 0;
    for (WriteOp item : items) {
      bytes += item.bytes;
    }
    return new WriteOp(BATCH, null, null, 0, UNCONDITIONAL, items, null, null, callback, bytes);
  }

  /**
   * A transaction's commit: {@code items} applied like a batch, only if nothing in {@code
   * readSet} changed after its snapshot.
   */
  public static WriteOp commit(WriteOp[] items, ReadSet readSet, WriteCallback callback) {
    long bytes = 0;
    for (WriteOp item : items) {
      bytes += item.bytes;
    }
    return new WriteOp(COMMIT, null, null, 0, UNCONDITIONAL, items, null, readSet, callback, bytes);
  }

  /**
   * Turns expired values into deletions with sequence numbers, so change streams see each
   * expiry: item {@code i} is key {@code keys[i]}, expected still to hold the expired value
   * written at {@code seqs[i]}.
   */
  public static WriteOp expire(byte[][] keys, long[] seqs, WriteCallback callback) {
    WriteOp[] items = new WriteOp[keys.length];
    for (int i = 0; i < keys.length; i++) {
      items[i] = new WriteOp(EXPIRE, keys[i], null, 0, seqs[i], null, null, null, null, 0);
    }
    return new WriteOp(EXPIRE, null, null, 0, UNCONDITIONAL, items, null, null, callback, 0);
  }

  /** Freezes the active memtable (if it holds anything) so that it is flushed to a run. */
  public static WriteOp flush(WriteCallback callback) {
    return new WriteOp(FLUSH, null, null, 0, UNCONDITIONAL, null, null, null, callback, 0);
  }

  /**
   * Changes nothing; the queue is first in, first out, so its callback runs once every op
   * submitted before it has been applied (and, in durable mode, made durable): closing then
   * fails none of them.
   */
  public static WriteOp barrier(WriteCallback callback) {
    return new WriteOp(BARRIER, null, null, 0, UNCONDITIONAL, null, null, null, callback, 0);
  }

  /** An edit from the compactor; {@code installed} hears when the write loop installed it. */
  public static WriteOp edit(VersionEdit edit, WriteCallback installed) {
    return new WriteOp(EDIT, null, null, 0, UNCONDITIONAL, null, edit, null, installed, 0);
  }

  public byte type() {
    return type;
  }

  public byte[] key() {
    return key;
  }

  public byte[] value() {
    return value;
  }

  public long expireAt() {
    return expireAt;
  }

  public WriteOp[] items() {
    return items;
  }

  /** The most sequence numbers, so change-log slots, applying this op can take. */
  int changes() {
    return switch (type) {
      case PUT, DELETE, DELETE_RANGE, LOG -> 1;
      case BATCH, COMMIT, EXPIRE -> items.length;
      default -> 0;
    };
  }

  /**
   * What a put adds to what the budget counts: its memtable entry and its change in the change
   * log. Admission once left the log out, so the last write let in could take the store past
   * its budget by the size of that change.
   */
  private static long cost(byte[] key, byte[] value) {
    return 96L + key.length + value.length + ChangeLog.cost(key, value);
  }
}
