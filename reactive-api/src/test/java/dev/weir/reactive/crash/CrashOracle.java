package dev.weir.reactive.crash;

import static dev.weir.reactive.crash.CrashWorkload.ACCOUNTS;
import static dev.weir.reactive.crash.CrashWorkload.COUNTERS;
import static dev.weir.reactive.crash.CrashWorkload.OPENING_BALANCE;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected state of a crashed store, built from the writers' acknowledgement lines over
 * every cycle (RocksDB's {@code db_stress} expected-state oracle), and the check of a reopened
 * store against it. Writes that were in flight at the kill may be present or absent (so may an
 * acknowledged write the writer was deleting, one {@link CrashWorkload#doomed} names), but what
 * is present must be whole and exactly what the writer wrote: content derivable from its key,
 * batches all or nothing, the bank's total unchanged. Owned by the test thread.
 */
final class CrashOracle {

  private final Set<String> puts = new HashSet<>();
  private final Set<String> deletedPuts = new HashSet<>();
  private final Map<String, Integer> batches = new HashMap<>();
  private final Set<String> removedBatches = new HashSet<>();
  private final long[] counterAcked = new long[COUNTERS];
  private final long[] counterSeen = new long[COUNTERS];
  private final Set<String> objects = new HashSet<>();
  private final Set<String> deletedObjects = new HashSet<>();
  /** Objects whose content was read and checked once already (each name is written once). */
  private final Set<String> objectsChecked = new HashSet<>();
  private boolean accountsOpened;
  private long transfers;
  private long acknowledged;

  long acknowledged() {
    return acknowledged;
  }

  long transfers() {
    return transfers;
  }

  /** Records one acknowledged write, a line of {@link CrashWriter}'s. */
  void acknowledge(String line) {
    String[] f = line.split(" ");
    switch (f[0]) {
      case "I" -> accountsOpened = true;
      case "P" -> puts.add(f[1]);
      case "D" -> deletedPuts.add(f[1]);
      case "B" -> batches.put(f[1], Integer.parseInt(f[2]));
      case "X" -> removedBatches.add(f[1]);
      case "T" -> transfers++;
      case "C" -> {
        int c = Integer.parseInt(f[1]);
        counterAcked[c] = Math.max(counterAcked[c], Long.parseLong(f[2]));
      }
      case "O" -> objects.add(f[1]);
      case "OD" -> deletedObjects.add(f[1]);
      default -> throw new IllegalArgumentException("not a line of the writer's: " + line);
    }
    acknowledged++;
  }

  /** What {@code kv} and {@code bucket} get wrong against the acknowledged writes. */
  List<String> check(ReactiveStore kv, Bucket bucket) {
    List<String> wrong = new ArrayList<>();
    checkPuts(kv, wrong);
    checkBatches(kv, wrong);
    checkAccounts(kv, wrong);
    checkCounters(kv, wrong);
    checkObjects(bucket, wrong);
    return wrong;
  }

  private void checkPuts(ReactiveStore kv, List<String> wrong) {
    Map<String, Bytes> found = scan(kv, "p/");
    found.forEach((key, value) -> {
      if (!value.equals(CrashWorkload.value(key))) {
        wrong.add("put " + key + " has a value the writer never wrote: " + value);
      }
      if (deletedPuts.contains(key)) {
        wrong.add("put " + key + " is back after its delete was acknowledged");
      }
    });
    for (String key : puts) {
      if (!CrashWorkload.doomed(key) && !found.containsKey(key)) {
        wrong.add("acknowledged put " + key + " is lost");
      }
    }
  }

  private void checkBatches(ReactiveStore kv, List<String> wrong) {
    Map<String, Set<Integer>> found = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    scan(kv, "b/").forEach((key, value) -> {
      String id = key.substring(2, key.lastIndexOf('/'));
      int m = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
      int n = Integer.parseInt(value.asUtf8().substring(value.asUtf8().indexOf(':') + 1,
          value.asUtf8().lastIndexOf(':')));
      if (!value.equals(CrashWorkload.batchValue(id, n, m))) {
        wrong.add("batch key " + key + " has a value the writer never wrote: " + value);
      }
      found.computeIfAbsent(id, x -> new HashSet<>()).add(m);
      sizes.put(id, n);
    });
    found.forEach((id, keys) -> {
      if (keys.size() != sizes.get(id)) {
        wrong.add("batch " + id + " is split: " + keys.size() + " of its " + sizes.get(id)
            + " keys are present " + keys);
      }
      if (removedBatches.contains(id)) {
        wrong.add("batch " + id + " is back after its removal was acknowledged");
      }
    });
    batches.forEach((id, n) -> {
      if (!CrashWorkload.doomed(id) && !found.containsKey(id)) {
        wrong.add("acknowledged batch " + id + " of " + n + " keys is lost");
      }
    });
  }

  private void checkAccounts(ReactiveStore kv, List<String> wrong) {
    Map<String, Bytes> accounts = scan(kv, "a/");
    if (accounts.isEmpty() && !accountsOpened) {
      return; // the opening batch was never acknowledged and did not land: allowed
    }
    long total = accounts.values().stream().mapToLong(v -> Long.parseLong(v.asUtf8())).sum();
    if (accounts.size() != ACCOUNTS || total != ACCOUNTS * OPENING_BALANCE) {
      wrong.add("the bank holds " + total + " in " + accounts.size() + " accounts, not "
          + ACCOUNTS * OPENING_BALANCE + " in " + ACCOUNTS + " (after " + transfers
          + " acknowledged transfers)");
    }
  }

  private void checkCounters(ReactiveStore kv, List<String> wrong) {
    for (int c = 0; c < COUNTERS; c++) {
      long v = kv.get(CrashWorkload.counter(c)).map(b -> Long.parseLong(b.asUtf8()))
          .defaultIfEmpty(0L).block();
      if (v < counterAcked[c]) {
        wrong.add("counter " + c + " went back to " + v + " below its acknowledged version "
            + counterAcked[c]);
      }
      if (v < counterSeen[c]) {
        wrong.add("counter " + c + " went back to " + v + " below " + counterSeen[c]
            + ", what the previous reopen found");
      }
      counterSeen[c] = Math.max(counterSeen[c], v);
    }
  }

  private void checkObjects(Bucket bucket, List<String> wrong) {
    Map<String, Long> found = new HashMap<>();
    for (ObjectInfo info : bucket.objects("").collectList().block()) {
      found.put(info.key(), info.size());
    }
    found.forEach((name, size) -> {
      if (deletedObjects.contains(name)) {
        wrong.add("object " + name + " is back after its delete was acknowledged");
      }
      if (size != CrashWorkload.objectLength(name)) {
        wrong.add("object " + name + " has " + size + " bytes");
      } else if (objectsChecked.add(name)) {
        byte[] read = read(bucket, name, size);
        if (!Arrays.equals(read, CrashWorkload.objectContent(name))) {
          wrong.add("object " + name + " reads other bytes than the writer wrote");
        }
      }
    });
    for (String name : objects) {
      if (!CrashWorkload.doomed(name) && !found.containsKey(name)) {
        wrong.add("acknowledged object " + name + " is lost");
      }
    }
  }

  private static byte[] read(Bucket bucket, String name, long size) {
    ByteBuffer all = ByteBuffer.allocate((int) size);
    for (ByteBuffer b : bucket.read(name).collectList().block()) {
      if (b.remaining() > all.remaining()) {
        return new byte[0]; // longer than its size: wrong either way
      }
      all.put(b);
    }
    return all.position() == size ? all.array() : new byte[0];
  }

  private static Map<String, Bytes> scan(ReactiveStore kv, String prefix) {
    Map<String, Bytes> found = new HashMap<>();
    for (Entry e : kv.scan(Bytes.utf8(prefix)).collectList().block()) {
      found.put(e.key().asUtf8(), e.value());
    }
    return found;
  }
}
