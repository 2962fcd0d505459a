package dev.weir.engine.wal;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.StorageFailedException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a log's records in sequence order, checking every frame.
 *
 * <p><b>Torn tail or damage.</b> A crash can leave the last write partial: a short frame, a
 * checksum that does not match, or zeros where the file was extended but not written. That is
 * not damage (nothing in it was acknowledged under {@code ALWAYS}), so it is cut off and
 * reported. The tail is told from damage by what follows it: a bad frame in the last segment
 * with no valid frame of a later sequence anywhere after it is the torn tail; a bad frame with
 * a valid one after it, a bad frame in an earlier segment (the writer synced it whole before
 * starting the next), or a sequence that does not follow its predecessor is damage, a {@link
 * CorruptionException} naming the file and offset. One blind spot: a power cut that persists a
 * later page of the last unsynced write and not an earlier one looks like damage; salvage
 * recovers it, losing nothing that was acknowledged.
 *
 * <p><b>Salvage.</b> Asked to salvage, damage ends the replay instead: the longest valid prefix
 * is replayed and the report says what was dropped. Nothing after the damage is replayed, even
 * if valid, so no sequence is ever skipped and no batch is split.
 */
public final class WalReader {

  private WalReader() {}

  /**
   * Hands {@code apply} every record, or the part of it, at or after {@code fromSeq}, in order.
   * Reads files: call it on a thread that may block. The files are not changed; {@link
   * WalRepair} makes the cut the report names.
   */
  public static ReplayReport replay(
      Directory dir, long fromSeq, boolean salvage, Consumer<WalRecord> apply) {
    List<String> segments;
    try {
      segments = SegmentName.list(dir);
    } catch (IOException e) {
      throw new StorageFailedException("cannot list the log in " + dir.location() + ": " + e, e);
    }
    long lastSeq = 0;
    long records = 0;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      ByteBuffer bytes = readAll(dir, segment);
      int pos = 0;
      while (pos < bytes.limit()) {
        String problem = LogFrame.problem(bytes, pos);
        WalRecord record = null;
        if (problem == null) {
          long seq = LogFrame.seq(bytes, pos);
          // below fromSeq the runs hold everything, so the log may skip sequences there (a
          // writer restarted past a flush that outran the log's last write); from fromSeq on
          // every sequence must follow its predecessor
          boolean skipping = lastSeq + 1 < fromSeq;
          long expected = skipping ? Math.max(fromSeq, 1) : lastSeq + 1;
          if (skipping ? seq > expected || seq <= lastSeq : seq != expected) {
            problem = "sequence " + seq + " where " + expected + " was expected";
          } else {
            try {
              record = RecordCodec.decode(seq, LogFrame.payload(bytes, pos));
            } catch (RuntimeException e) {
              problem = "malformed payload: " + e.getMessage();
            }
          }
          if (problem != null) { // the frame is whole, so this is no torn write
            return stop(dir, segments, i, pos, bytes, problem, false, salvage, lastSeq, records);
          }
        }
        if (problem != null) {
          boolean torn =
              i == segments.size() - 1 && !LogFrame.validFrameAfter(bytes, pos, lastSeq);
          return stop(dir, segments, i, pos, bytes, problem, torn, salvage, lastSeq, records);
        }
        if (record.lastSeq() >= fromSeq) {
          apply.accept(record.from(fromSeq));
          records++;
        }
        lastSeq = record.lastSeq();
        pos += RecordFrame.HEADER + bytes.getInt(pos);
      }
    }
    return new ReplayReport(lastSeq, records, null, null);
  }

  private static ReplayReport stop(Directory dir, List<String> segments, int i, int pos,
      ByteBuffer bytes, String problem, boolean torn, boolean salvage, long lastSeq,
      long records) {
    ReplayReport.Cut cut = new ReplayReport.Cut(segments.get(i), pos, bytes.limit() - pos,
        segments.subList(i + 1, segments.size()), problem);
    if (torn) {
      return new ReplayReport(lastSeq, records, cut, null);
    }
    if (salvage) {
      return new ReplayReport(lastSeq, records, null, cut);
    }
    throw new CorruptionException(dir.describe(segments.get(i)), pos,
        problem + "; open with salvage to keep the log before it");
  }

  private static ByteBuffer readAll(Directory dir, String segment) {
    try (ReadableFile file = dir.openForRead(segment)) {
      long size = file.size();
      if (size > RecordFrame.MAX_PAYLOAD) {
        throw new CorruptionException(dir.describe(segment), 0,
            "a segment of " + size + " bytes is larger than any the writer makes");
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      file.readFully(bytes, 0);
      return bytes.flip();
    } catch (IOException e) {
      throw new StorageFailedException("cannot read " + dir.describe(segment) + ": " + e, e);
    }
  }
}
