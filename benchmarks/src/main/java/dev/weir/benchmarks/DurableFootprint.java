package dev.weir.benchmarks;

import dev.weir.reactive.ReactiveStore;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bytes on disk per byte of user data in a durable Weir store (issue 16): {@code keys} records
 * of 16-byte keys and 100-byte values written (256 in flight, {@code sync=always}, default
 * settings) into a fresh directory, then the directory's size over the keys' and values' bytes,
 * twice: after the fill and the store's close (log segments, the runs flushed during the fill,
 * the manifest), and after reopening, {@code compact()} (flush and merge into one level) and
 * closing again. A figure, not a timing: the same in every run. Prints one line, {@value
 * #MARKER} then the user bytes and both sizes, for {@link Compare}.
 *
 * <pre>{@code
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.DurableFootprint 1000000
 * }</pre>
 */
public final class DurableFootprint {

  static final String MARKER = "DISK";

  /** User bytes, directory bytes after the fill, after flush and compaction. */
  record Footprint(long userBytes, long afterFill, long afterCompaction) {
    double fillRatio() {
      return (double) afterFill / userBytes;
    }

    double compactedRatio() {
      return (double) afterCompaction / userBytes;
    }
  }

  private DurableFootprint() {}

  public static void main(String[] args) {
    JvmFlags.report();
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : Dataset.KEYS;
    Footprint f = measure(keys);
    System.out.printf(Locale.ROOT, "%s %d %d %d%n", MARKER, f.userBytes(), f.afterFill(),
        f.afterCompaction());
    System.out.printf(Locale.ROOT,
        "%,d records: %,d user bytes; %,d on disk after the fill (%.2fx), %,d after flush and"
            + " compaction (%.2fx)%n", keys, f.userBytes(), f.afterFill(), f.fillRatio(),
        f.afterCompaction(), f.compactedRatio());
    System.exit(0); // the store's threads are gone; Reactor's may linger
  }

  static Footprint measure(int keys) {
    Path dir = BenchDir.fresh("footprint");
    try {
      ReactiveStore store = DurableWeir.open(DurableWeir.config(dir).build());
      DurableReopenBenchmark.load(store, keys);
      store.close().block(DurableWeir.OPEN_TIMEOUT);
      long afterFill = BenchDir.size(dir);
      store = DurableWeir.open(DurableWeir.config(dir).build());
      store.compact().block(Dataset.TIMEOUT);
      store.close().block(DurableWeir.OPEN_TIMEOUT);
      long afterCompaction = BenchDir.size(dir);
      return new Footprint((long) keys * (Dataset.KEY_SIZE + Dataset.VALUE_SIZE), afterFill,
          afterCompaction);
    } finally {
      BenchDir.delete(dir);
    }
  }

  /** The footprint a {@link #main} printed on {@code line}, or null for any other line. */
  static Footprint parse(String line) {
    if (!line.startsWith(MARKER + " ")) {
      return null;
    }
    String[] f = line.split(" ");
    return new Footprint(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
  }
}
