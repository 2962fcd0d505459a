package dev.weir.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directories the durable benchmarks write to: a fresh one per store and iteration, under
 * {@code -Dweir.bench.dir} if given, else the system temporary directory. Both must be on the
 * disk being measured (here {@code /tmp} is on the same disk as {@code /work}); a tmpfs would
 * make every fsync free and every figure meaningless, so the base's file store is printed.
 */
final class BenchDir {

  static final String PROPERTY = "weir.bench.dir";

  private BenchDir() {}

  /** The base directory, created if missing. */
  static Path base() {
    Path base = Path.of(System.getProperty(PROPERTY, System.getProperty("java.io.tmpdir")));
    try {
      return Files.createDirectories(base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty directory under {@link #base()}, named after {@code prefix}. */
  static Path fresh(String prefix) {
    try {
      return Files.createTempDirectory(base(), "weir-bench-" + prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@link #base()} lives: the file store's name and type (e.g. {@code /dev/vda ext4}). */
  static String describe() {
    try {
      var store = Files.getFileStore(base());
      return base() + " on " + store.name() + " (" + store.type() + ")";
    } catch (IOException e) {
      return base() + " (file store unknown: " + e + ")";
    }
  }

  /** Bytes of the regular files under {@code dir}, recursively. */
  static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(BenchDir::sizeOf).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted meanwhile (a store's obsolete file)
    }
  }

  /** Deletes {@code dir} and everything under it; a missing directory is fine. */
  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BenchDir::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteOne(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
