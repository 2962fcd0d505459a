package dev.weir.engine.version;

import dev.weir.engine.key.RangeTombstone;
import dev.weir.engine.wal.LogFields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ManifestRecord} as a log frame's payload. Fixed-width big-endian integers, as in
 * the WAL: the manifest is small and read once at open.
 *
 * <pre>
 *   u8 type (1 edit, 2 snapshot; DO NOT CHANGE), u64 next file number (-1 unchanged),
 *   u64 last flushed sequence (-1 unchanged),
 *   u32 count, then per added run file: u32 level, u64 file number, u64 length
 *   u32 count, then per removed file: u64 file number
 *   u32 count, then per added range tombstone: i32 length (-1 open) and bytes of its start,
 *       the same of its end, u64 sequence
 *   u32 count, then per retired tombstone: u64 sequence
 * </pre>
 */
final class ManifestCodec {

  static final byte EDIT = 1;
  static final byte SNAPSHOT = 2;

  private ManifestCodec() {}

  static int size(ManifestRecord r) {
    long size = 1 + 8 + 8 + 4 + 20L * r.added().size() + 4 + 8L * r.removed().size() + 4
        + 4 + 8L * r.tombstonesRetired().size();
    for (RangeTombstone t : r.tombstonesAdded()) {
      size += LogFields.size(t.from()) + LogFields.size(t.to()) + 8;
    }
    if (size > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("a manifest record of " + size + " bytes");
    }
    return (int) size;
  }

  static void encode(ManifestRecord r, ByteBuffer out) {
    out.put(r.snapshot() ? SNAPSHOT : EDIT);
    out.putLong(r.nextFileNumber());
    out.putLong(r.lastFlushedSeq());
    out.putInt(r.added().size());
    for (RunFile f : r.added()) {
      out.putInt(f.level());
      out.putLong(f.fileId());
      out.putLong(f.length());
    }
    putLongs(out, r.removed());
    out.putInt(r.tombstonesAdded().size());
    for (RangeTombstone t : r.tombstonesAdded()) {
      LogFields.putBytes(out, t.from());
      LogFields.putBytes(out, t.to());
      out.putLong(t.seq());
    }
    putLongs(out, r.tombstonesRetired());
  }

  /**
   * Decodes a payload whose checksum matched; a malformed one throws {@link
   * IllegalArgumentException} or {@link java.nio.BufferUnderflowException}.
   */
  static ManifestRecord decode(ByteBuffer in) {
    byte type = in.get();
    if (type != EDIT && type != SNAPSHOT) {
      throw new IllegalArgumentException("unknown record type " + type);
    }
    long nextFile = in.getLong();
    long flushed = in.getLong();
    int n = count(in, 20);
    List<RunFile> added = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      added.add(new RunFile(in.getInt(), in.getLong(), in.getLong()));
    }
    List<Long> removed = getLongs(in);
    n = count(in, 16);
    List<RangeTombstone> tombstones = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] from = LogFields.getBytes(in);
      byte[] to = LogFields.getBytes(in);
      tombstones.add(new RangeTombstone(from, to, in.getLong()));
    }
    List<Long> retired = getLongs(in);
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the record");
    }
    return new ManifestRecord(type == SNAPSHOT, nextFile, flushed, added, removed, tombstones,
        retired);
  }

  private static int count(ByteBuffer in, int minBytesEach) {
    int n = in.getInt();
    if (n < 0 || (long) n * minBytesEach > in.remaining()) {
      throw new IllegalArgumentException("a count of " + n);
    }
    return n;
  }

  private static void putLongs(ByteBuffer out, List<Long> values) {
    out.putInt(values.size());
    for (long v : values) {
      out.putLong(v);
    }
  }

  private static List<Long> getLongs(ByteBuffer in) {
    int n = count(in, 8);
    List<Long> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.getLong());
    }
    return values;
  }
}
