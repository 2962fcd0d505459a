package dev.weir.vertx.codec;

import dev.weir.engine.EngineStats;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** Every counter in declaration order; the runs per level as a counted list. */
final class EngineStatsCodec extends BinaryCodec<EngineStats> {

  EngineStatsCodec() {
    super("weir.engine-stats", EngineStats.class);
  }

  @Override
  void write(Buffer b, EngineStats s) {
    b.appendLong(s.entries()).appendLong(s.valueBytes()).appendLong(s.liveBytes())
        .appendLong(s.maxMemoryBytes()).appendInt(s.memtables());
    b.appendInt(s.runsPerLevel().size());
    for (int runs : s.runsPerLevel()) {
      b.appendInt(runs);
    }
    b.appendLong(s.bloomUseful()).appendLong(s.bloomFalsePositives()).appendLong(s.flushes())
        .appendLong(s.compactions()).appendLong(s.compactionFailures());
    WireWriter.writeString(b, s.lastCompactionFailure());
    b.appendLong(s.writeStalls()).appendLong(s.rejectedWrites()).appendInt(s.openSnapshots())
        .appendInt(s.rangeTombstones()).appendLong(s.lastSequence()).appendLong(s.writeGroups())
        .appendLong(s.writesApplied()).appendLong(s.flushBytes())
        .appendLong(s.compactionBytesRead()).appendLong(s.compactionBytesWritten())
        .appendLong(s.pendingWrites()).appendInt(s.watchers()).appendLong(s.changeOverflows())
        .appendLong(s.transactionCommits()).appendLong(s.transactionConflicts());
    WireWriter.writeString(b, s.failure());
  }

  @Override
  EngineStats read(WireReader r) {
    long entries = r.readLong();
    long valueBytes = r.readLong();
    long liveBytes = r.readLong();
    long maxMemory = r.readLong();
    int memtables = r.readInt();
    int levels = r.readCount(4);
    List<Integer> runs = new ArrayList<>(levels);
    for (int i = 0; i < levels; i++) {
      runs.add(r.readInt());
    }
    return new EngineStats(entries, valueBytes, liveBytes, maxMemory, memtables,
        List.copyOf(runs), r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readLong(),
        r.readString(), r.readLong(), r.readLong(), r.readInt(), r.readInt(), r.readLong(),
        r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readLong(),
        r.readInt(), r.readLong(), r.readLong(), r.readLong(), r.readString());
  }
}
