package dev.weir.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Retained memory per record after {@code fillrandom}, for one store, in a fresh JVM (run by
 * {@link Compare}, one JVM per store, with {@code -Xms4g -Xmx4g}):
 *
 * <pre>{@code
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.HeapProbe weir 1000000
 * }</pre>
 *
 * <p>Builds the data set, opens the empty store, then measures used heap after {@code
 * System.gc()} (five times, with pauses) before and after loading every record with its own
 * copy of key and value (16 + 100 bytes of payload) and letting the store settle. Prints {@code
 * HEAP <store> <records> <heap bytes/record> <RSS bytes/record>}: RSS (from /proc) catches
 * off-heap stores (RocksDB) but also heap growth, so it is a coarse figure.
 */
public final class HeapProbe {

  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    JvmFlags.report();
    String store = args[0];
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : Dataset.KEYS;
    Dataset data = Dataset.get(keys);
    Kv kv = Kv.open(store, data);
    long heap0 = usedHeapAfterGc();
    long rss0 = rss();
    kv.load();
    Thread.sleep(500);
    long heap1 = usedHeapAfterGc();
    long rss1 = rss();
    System.out.println(kv.describe());
    System.out.printf(java.util.Locale.ROOT, "HEAP %s %d %.1f %.1f%n", store, keys,
        (double) (heap1 - heap0) / keys, (double) (rss1 - rss0) / keys);
    Reference.reachabilityFence(data);
    Reference.reachabilityFence(kv);
    kv.close();
    System.exit(0);
  }

  static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Resident set size in bytes, or 0 where /proc is not there. */
  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException e) {
      // not Linux
    }
    return 0;
  }
}
