package dev.weir.engine.wal;

import java.util.List;

/**
 * What one write made, logged as one framed record: a put, a delete or a whole batch or
 * commit. Entry {@code i} has sequence {@code firstSeq + i}, so a batch's sequences are
 * consecutive, and replay applies a record whole or not at all (its checksum covers it all).
 */
public record WalRecord(long firstSeq, List<WalEntry> entries) {

  public WalRecord {
    if (firstSeq < 1) {
      throw new IllegalArgumentException("firstSeq must be at least 1: " + firstSeq);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one entry");
    }
    entries = List.copyOf(entries);
  }

  public static WalRecord of(long firstSeq, WalEntry... entries) {
    return new WalRecord(firstSeq, List.of(entries));
  }

  public long lastSeq() {
    return firstSeq + entries.size() - 1;
  }

  /** This record without its entries below {@code seq}, which must be within it. */
  WalRecord from(long seq) {
    return seq <= firstSeq ? this : new WalRecord(seq, entries.subList((int) (seq - firstSeq),
        entries.size()));
  }
}
