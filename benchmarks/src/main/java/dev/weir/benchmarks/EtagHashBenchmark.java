package dev.weir.benchmarks;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The candidate ETag hashes of a simple put, alone, as the put feeds them: 4 MiB copied into
 * 1 MiB chunks (as the object layer does), each chunk digested right after its copy, beside the
 * bare copy and the copy with CRC32C. Chose the object layer's default ETag (issue 5, see
 * {@code reactive-api/OBJECTS.md}). Run: {@code java -jar benchmarks/target/benchmarks.jar
 * EtagHashBenchmark -f 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@State(Scope.Thread)
public class EtagHashBenchmark {

  static final int CHUNK = 1024 * 1024;

  /** The hash measured; {@code none}: copy and CRC32C only, the floor of a put's work. */
  @State(Scope.Thread)
  public static class Candidate {
    @Param({"none", "md5", "xxh3-128", "metrohash128", "murmur3-128"})
    String hash;
  }

  byte[] data = new byte[4 * CHUNK];

  @Setup(Level.Trial)
  public void fill() {
    new Random(7).nextBytes(data);
  }

  @Benchmark
  public byte[] copyOnly() {
    byte[] last = null;
    for (int at = 0; at < data.length; at += CHUNK) {
      last = Arrays.copyOfRange(data, at, at + CHUNK);
    }
    return last;
  }

  @Benchmark
  public Object copyCrcAndHash(Candidate c) throws NoSuchAlgorithmException {
    String hash = c.hash;
    CRC32C crc = new CRC32C();
    MessageDigest md5 = hash.equals("md5") ? MessageDigest.getInstance("MD5") : null;
    HashStream128 stream = stream(hash);
    for (int at = 0; at < data.length; at += CHUNK) {
      byte[] chunk = Arrays.copyOfRange(data, at, at + CHUNK);
      crc.update(chunk, 0, CHUNK);
      if (md5 != null) {
        md5.update(chunk, 0, CHUNK);
      } else if (stream != null) {
        stream.putBytes(chunk, 0, CHUNK);
      }
    }
    return md5 != null ? md5.digest() : stream != null ? stream.get() : crc.getValue();
  }

  private static HashStream128 stream(String name) {
    Hasher128 h = switch (name) {
      case "xxh3-128" -> Hashing.xxh3_128();
      case "metrohash128" -> Hashing.metroHash128();
      case "murmur3-128" -> Hashing.murmur3_128();
      default -> null;
    };
    return h == null ? null : h.hashStream();
  }
}
