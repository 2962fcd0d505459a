package dev.weir.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies of a closed store's directory, and the damage the corruption tests do to them. */
final class DamagedCopies {

  private DamagedCopies() {}

  /** Copies every file of {@code original} but its lock into a new directory {@code copy}. */
  static Path copy(Path original, Path copy) throws IOException {
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(original)) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("LOCK")) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
    }
    return copy;
  }

  /** The names of the files in {@code dir} that contain {@code part}, sorted. */
  static List<String> files(Path dir, String part) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(part))
          .sorted().toList();
    }
  }

  static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  static void flipBit(Path file, int offset, int bit) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[offset] ^= (byte) (1 << bit);
    Files.write(file, bytes);
  }
}
