package dev.weir.engine.wal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random records of every entry kind, consecutive in sequence, from a seeded generator. */
final class RandomRecords {

  private final Random random;
  private long nextSeq;

  RandomRecords(long seed, long firstSeq) {
    this.random = new Random(seed);
    this.nextSeq = firstSeq;
  }

  /** A record of one entry (a lone write) or of up to 8 (a batch). */
  WalRecord next() {
    int n = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 1;
    List<WalEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(entry());
    }
    WalRecord r = new WalRecord(nextSeq, entries);
    nextSeq = r.lastSeq() + 1;
    return r;
  }

  List<WalRecord> next(int count) {
    List<WalRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(next());
    }
    return records;
  }

  private WalEntry entry() {
    return switch (random.nextInt(5)) {
      case 0 -> WalEntry.put(bytes(16), bytes(120),
          random.nextBoolean() ? 0 : 1 + random.nextInt(Integer.MAX_VALUE));
      case 1 -> WalEntry.delete(bytes(16));
      case 2 -> WalEntry.rangeDelete(random.nextInt(4) == 0 ? null : bytes(8),
          random.nextInt(4) == 0 ? null : bytes(8));
      case 3 -> WalEntry.log(bytes(16), bytes(40));
      default -> WalEntry.expire(bytes(16));
    };
  }

  private byte[] bytes(int max) {
    byte[] b = new byte[random.nextInt(max + 1)];
    random.nextBytes(b);
    return b;
  }
}
