package dev.weir.engine.wal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's payload: its entries, each as a kind byte, the key and the value as a length (-1
 * for absent) and bytes, and for a put its expiry time. Fixed-width integers, big-endian: the
 * log is read once at recovery and written in bulk, so simplicity wins over a varint's bytes.
 */
final class RecordCodec {

  private RecordCodec() {}

  static int payloadSize(WalRecord record) {
    long size = 4;
    for (WalEntry e : record.entries()) {
      size += 1 + LogFields.size(e.key()) + LogFields.size(e.value());
      if (e.kind() == WalEntry.PUT) {
        size += 8;
      }
    }
    if (size > RecordFrame.MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "a record of " + size + " bytes exceeds the log's limit of " + RecordFrame.MAX_PAYLOAD);
    }
    return (int) size;
  }

  static void encode(WalRecord record, ByteBuffer out) {
    out.putInt(record.entries().size());
    for (WalEntry e : record.entries()) {
      out.put(e.kind());
      LogFields.putBytes(out, e.key());
      LogFields.putBytes(out, e.value());
      if (e.kind() == WalEntry.PUT) {
        out.putLong(e.expireAt());
      }
    }
  }

  /**
   * Decodes a payload whose checksum matched; a malformed one (which a matching checksum makes
   * a writer's bug, not a disk's) throws {@link IllegalArgumentException}.
   */
  static WalRecord decode(long firstSeq, ByteBuffer in) {
    int count = in.getInt();
    if (count < 1 || count > in.remaining()) {
      throw new IllegalArgumentException("bad entry count " + count);
    }
    List<WalEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte kind = in.get();
      byte[] key = LogFields.getBytes(in);
      byte[] value = LogFields.getBytes(in);
      long expireAt = kind == WalEntry.PUT ? in.getLong() : 0;
      check(kind, key, value);
      entries.add(WalEntry.decoded(kind, key, value, expireAt));
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
    }
    return new WalRecord(firstSeq, entries);
  }

  private static void check(byte kind, byte[] key, byte[] value) {
    boolean ok =
        switch (kind) {
          case WalEntry.PUT, WalEntry.LOG -> key != null && value != null;
          case WalEntry.DELETE, WalEntry.EXPIRE -> key != null && value == null;
          case WalEntry.RANGE_DELETE -> true;
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException("bad entry of kind " + kind);
    }
  }
}
