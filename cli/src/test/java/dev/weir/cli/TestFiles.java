package dev.weir.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Local files for upload tests, in a temporary directory removed when the JVM exits. */
final class TestFiles {

  private TestFiles() {}

  static Path dir() {
    try {
      Path dir = Files.createTempDirectory("weir-cli-test");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new file named {@code name} holding {@code bytes}; its absolute path. */
  static Path file(String name, byte[] bytes) {
    try {
      Path file = Files.write(dir().resolve(name), bytes);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path text(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
