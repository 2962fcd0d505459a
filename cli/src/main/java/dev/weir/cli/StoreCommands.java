package dev.weir.cli;

import dev.weir.engine.ByteSize;
import dev.weir.engine.Bytes;
import dev.weir.engine.EngineStats;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.PutOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commands that read and write keys: put, get, del, ttl, delprefix, scan, range, count,
 * stats, compact. Each parses its arguments, makes one {@link dev.weir.reactive.ReactiveStore}
 * call (compact three) and waits for it through {@link Await}. Reads go to {@link Session#reads()}, so an open snapshot
 * serves them. The object store's keys stay out of sight ({@link ObjectKeys}).
 */
final class StoreCommands {

  private StoreCommands() {}

  static void addTo(CommandTable table) {
    table
        .add(Command.write("put <key> <value>", "store a value", 2, 2,
            StoreCommands::put, (s, a) -> queued(s.queue(b -> b.put(key(a, 0), a.bytes(1))))))
        .add(Command.of("get <key>", "show a value, or (nil)", 1, 1, StoreCommands::get))
        .add(Command.write("del <key>", "delete a key", 1, 1,
            StoreCommands::del, (s, a) -> queued(s.queue(b -> b.delete(key(a, 0))))))
        .add(Command.write("ttl <key> <value> <duration>", "store a value that expires", 3, 3,
            StoreCommands::ttl,
            (s, a) -> queued(s.queue(b -> b.put(key(a, 0), a.bytes(1), a.duration(2))))))
        .add(Command.write("delprefix <prefix>", "delete every key with a prefix", 1, 1,
            StoreCommands::deletePrefix,
            (s, a) -> queued(s.queue(b -> b.deletePrefix(ObjectKeys.deletablePrefix(a.bytes(0)))))))
        .add(Command.of("scan [prefix] [limit]", "list the keys with a prefix, or all",
            0, 2, StoreCommands::scan))
        .add(Command.of("range <from> <to> [limit] [reverse]",
            "list keys in [from, to); - is an open end", 2, 4, StoreCommands::range))
        .add(Command.of("count [prefix]", "count the keys with a prefix, or all", 0, 1,
            StoreCommands::count))
        .add(Command.of("stats", "show the store's counters", 0, 0, StoreCommands::stats))
        .add(Command.of("compact",
            "flush and merge everything into one level now (contents do not change)", 0, 0,
            StoreCommands::compact));
  }

  private static Result put(Session s, Args a) {
    Await.value(s.store().put(key(a, 0), a.bytes(1)));
    return Result.ok();
  }

  private static Result get(Session s, Args a) {
    Bytes key = a.bytes(0);
    return new Result.Value(key, Await.value(s.reads().get(key)));
  }

  private static Result del(Session s, Args a) {
    boolean existed = Boolean.TRUE.equals(Await.value(s.store().delete(key(a, 0))));
    return new Result.Number("deleted", existed ? 1 : 0);
  }

  private static Result ttl(Session s, Args a) {
    Bytes key = key(a, 0);
    Bytes value = a.bytes(1);
    Duration ttl = a.duration(2);
    Await.value(s.store().put(key, value, PutOptions.ttl(ttl)));
    return Result.ok();
  }

  private static Result deletePrefix(Session s, Args a) {
    Long deleted = Await.value(s.store().deletePrefix(ObjectKeys.deletablePrefix(a.bytes(0))));
    return new Result.Number("deleted", deleted == null ? 0 : deleted);
  }

  private static Result scan(Session s, Args a) {
    KeyRange range = KeyRange.prefix(a.size() == 0 ? Bytes.EMPTY : a.bytes(0));
    if (a.size() > 1) {
      range = range.limit(a.number(1, "limit"));
    }
    return new Result.Entries(ObjectKeys.scan(s.reads(), range));
  }

  private static Result range(Session s, Args a) {
    KeyRange range = KeyRange.of(a.boundOrOpen(0), a.boundOrOpen(1));
    boolean reverse = false;
    boolean limited = false;
    for (int i = 2; i < a.size(); i++) {
      if (a.token(i).is("reverse") && !reverse) {
        reverse = true;
      } else if (!limited && !a.token(i).is("reverse")) {
        range = range.limit(a.number(i, "limit"));
        limited = true;
      } else {
        throw new ShellException("usage: range <from> <to> [limit] [reverse]");
      }
    }
    return new Result.Entries(ObjectKeys.scan(s.reads(), range.reverse(reverse)));
  }

  private static Result count(Session s, Args a) {
    Bytes prefix = a.size() == 0 ? Bytes.EMPTY : a.bytes(0);
    Long n = Await.value(ObjectKeys.scan(s.reads(), KeyRange.prefix(prefix)).count());
    return new Result.Number("count", n == null ? 0 : n);
  }

  private static Result stats(Session s, Args a) {
    return new Result.Fields(fields(Await.value(s.store().stats())));
  }

  /**
   * What a bulk load wants before reads: the memtables flushed and every run merged into one
   * level, dropping the versions, deletions and expired values no reader can see. Prints the
   * store's shape before and after, so the effect shows (an open snapshot keeps what it sees).
   */
  private static Result compact(Session s, Args a) {
    EngineStats before = Await.value(s.store().stats());
    Await.value(s.store().compact());
    EngineStats after = Await.value(s.store().stats());
    return Result.ok("compacted: " + before.entries() + " entries -> " + after.entries()
        + ", runs per level " + before.runsPerLevel() + " -> " + after.runsPerLevel());
  }

  /** Every component of the stats record, by name: new counters show up without a change here. */
  static Map<String, Object> fields(EngineStats stats) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (RecordComponent c : EngineStats.class.getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(stats);
        if (c.getName().equals("maxMemoryBytes")) {
          value = ByteSize.format((Long) value); // as serve prints it: "unlimited", not 2^63-1
        }
        if (value != null) { // an absent detail (no failure yet) is not a counter
          fields.put(c.getName(), value);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read stats field " + c.getName(), e);
      }
    }
    return fields;
  }

  /** The key at {@code index}, refused if it lies in the object store's reserved range. */
  private static Bytes key(Args a, int index) {
    return ObjectKeys.writable(a.bytes(index));
  }

  /** What a write inside a batch prints: how many operations the batch holds now. */
  private static Result queued(int batchSize) {
    return Result.ok("queued (" + batchSize + ")");
  }
}
