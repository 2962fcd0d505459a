package dev.weir.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What this disk's fsync costs, the floor under every durable write: a 4 KiB write followed by
 * {@code FileChannel.force(false)} (fdatasync: the data and the size) or {@code force(true)}
 * (fsync: the metadata too), as {@code dd if=/dev/zero of=f bs=4k count=1000 oflag=dsync}
 * measures (about 210 µs a write on this machine kind). Writes append, as a log does, to a file
 * in a fresh directory of {@link BenchDir} (the disk under test), wrapping to the start after
 * 64 MiB so the file stays small; the file is deleted after each iteration.
 *
 * <p>A lone durable put can be no faster than one such write; with group commit many writes
 * share one. {@link DurableFillBenchmark} is judged against {@code write4k_fdatasync}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar FsyncProbe -f 1 -wi 1 -w 2s -i 3 -r 2s
 * dd if=/dev/zero of=/tmp/ddprobe bs=4k count=2000 oflag=dsync; rm /tmp/ddprobe   # the same, by dd
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Thread)
public class FsyncProbe {

  static final int BLOCK = 4096;
  static final long WRAP = 64L << 20;

  private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
  private Path dir;
  private FileChannel file;
  private long position;

  @Setup(Level.Trial)
  public void report() {
    JvmFlags.report();
    System.out.println("fsync probe in " + BenchDir.describe());
    byte[] bytes = new byte[BLOCK];
    new Random(Dataset.SEED).nextBytes(bytes);
    block.put(bytes).flip();
  }

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = BenchDir.fresh("fsync");
    file = FileChannel.open(dir.resolve("probe.dat"), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    position = 0;
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    file.close();
    BenchDir.delete(dir);
  }

  private void write() throws IOException {
    block.rewind();
    while (block.hasRemaining()) {
      file.write(block, position + block.position());
    }
    position = (position + BLOCK) % WRAP;
  }

  @Benchmark
  public long write4k_fdatasync() throws IOException {
    write();
    file.force(false);
    return position;
  }

  @Benchmark
  public long write4k_fsync() throws IOException {
    write();
    file.force(true);
    return position;
  }
}
