package dev.weir.engine.write;

import dev.weir.engine.run.Run;
import java.util.List;

/**
 * The room the memory budget keeps for compaction, so that a store that refuses writes at its
 * budget stays within it while compaction runs on.
 *
 * <p>A run lays its entries out as narrowly as their mix allows: no offset table when all keys
 * have one length, no expiry column without TTLs, 4-byte sequences. Merging runs of different
 * mixes gives a wider run (two runs of fixed-length keys, 7 and 8 bytes long, merge into one
 * with an offset table: 4 bytes an entry more), and splitting an output adds a run's fixed
 * cost. Neither is a write, so neither can be refused; instead writes stop short of the budget
 * by what the next re-layouts could add. The mixes seen are sticky and noted before a write is
 * checked, so the room is never computed for a narrower store than the one the write makes.
 *
 * <p>Owned by the write loop, like {@link WriterState}.
 */
final class RelayoutReserve {

  private static final int NO_KEY_YET = -2;
  private static final int MIXED = -1;
  private static final long NARROW_SEQUENCE_SPAN = 0xFFFF_FFFFL;

  private int keyLength = NO_KEY_YET;
  private boolean expiring;
  private boolean wideSequences;
  private List<List<Run>> levels = List.of();
  private long runsBytes = -1; // the runs' share, summed again when runs or mixes change

  /** Notes the keys and expiry times of a write about to be checked against the budget. */
  void note(WriteOp write) {
    if (write.items == null) {
      noteKey(write.key);
      noteExpiry(write.expireAt);
      return;
    }
    for (WriteOp item : write.items) {
      if (item.type != WriteOp.DELETE_RANGE && item.type != WriteOp.LOG) { // never in a run
        noteKey(item.key);
        noteExpiry(item.expireAt);
      }
    }
  }

  /** Notes a key about to be written. */
  void noteKey(byte[] key) {
    if (keyLength != key.length && keyLength != MIXED) {
      if (keyLength != NO_KEY_YET) {
        runsBytes = -1;
      }
      keyLength = keyLength == NO_KEY_YET ? key.length : MIXED;
    }
  }

  /** Notes an expiry time about to be written (zero: none). */
  void noteExpiry(long expireAt) {
    if (expireAt != 0 && !expiring) {
      expiring = true;
      runsBytes = -1;
    }
  }

  void runsChanged(List<List<Run>> levels) {
    this.levels = levels;
    runsBytes = -1;
  }

  /**
   * Bytes to keep free for re-layouts, with {@code memtables} memtables (each becomes a run)
   * and the last sequence at {@code lastSeq}.
   */
  long bytes(int memtables, long lastSeq) {
    if (!wideSequences && lastSeq >= NARROW_SEQUENCE_SPAN) {
      wideSequences = true; // from here on, a merge may span more than 2^32 sequences
      runsBytes = -1;
    }
    if (runsBytes < 0) {
      long sum = 0;
      int runs = 0;
      for (List<Run> level : levels) {
        for (Run r : level) {
          sum += r.relayoutBytes(keyLength == MIXED, expiring, wideSequences);
          runs++;
        }
      }
      // a compaction may split its output into up to twice as many runs as it read, plus one
      runsBytes = sum + Run.FIXED_BYTES_BOUND * (runs + 1L);
    }
    return runsBytes + Run.FIXED_BYTES_BOUND * memtables;
  }
}
