package dev.weir.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weir.engine.key.ValueKind;
import dev.weir.engine.vfs.LocalDirectory;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long a run file of 1,000,000 records (16-byte keys, 100-byte values) takes to
 * write (with its fsync) and to load, best of five. A measurement, not an assertion; opt in:
 *
 * <pre>
 * flock /tmp/weir-mvn.lock ./mvnw -B -o -pl engine test -Dtest=RunFileMeasurementTest \
 *     -Dweir.measure=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "weir.measure", matches = "true")
class RunFileMeasurementTest {

  @TempDir Path tmp;

  @Test
  void writeAndLoadAMillionRecords() throws Exception {
    // not under the small-heap execution, which a -Dtest filter also runs
    assumeTrue(Runtime.getRuntime().maxMemory() > 1L << 30, "needs a heap above 1 GiB");
    int n = 1_000_000;
    SplittableRandom rnd = new SplittableRandom(16_299);
    RunBuilder b = new RunBuilder(10, new Run.BloomStats(), n);
    for (int i = 0; i < n; i++) {
      byte[] key = String.format("key%013d", i).getBytes();
      byte[] value = new byte[100];
      rnd.nextBytes(value);
      b.add(key, i + 1, ValueKind.PUT, value, 0);
    }
    Run run = b.build(1);
    LocalDirectory dir = LocalDirectory.open(tmp);
    long bestWrite = Long.MAX_VALUE;
    long bestLoad = Long.MAX_VALUE;
    long length = 0;
    for (int round = 0; round < 5; round++) {
      String name = String.format("%06d.run", round + 1);
      long t0 = System.nanoTime();
      length = RunFileWriter.write(dir, name, run);
      long t1 = System.nanoTime();
      Run loaded = RunFileReader.read(dir, name, 10, new Run.BloomStats());
      long t2 = System.nanoTime();
      assertEquals(n, loaded.size());
      bestWrite = Math.min(bestWrite, t1 - t0);
      bestLoad = Math.min(bestLoad, t2 - t1);
      System.out.printf("run file round %d: %,d bytes, write+fsync %d ms, load %d ms%n",
          round, length, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
      dir.delete(name);
    }
    System.out.printf("run file of %,d records (%,d bytes): best write+fsync %d ms, best load"
        + " %d ms%n", n, length, bestWrite / 1_000_000, bestLoad / 1_000_000);
  }
}
