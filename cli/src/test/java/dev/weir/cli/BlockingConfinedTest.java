package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Waiting on the store happens in {@link Await} only, so swapping in a remote store (or
 * moving the shell onto an event loop) means reviewing one small file.
 */
class BlockingConfinedTest {

  @Test
  void onlyAwaitBlocks() throws IOException {
    Path main = Path.of("src", "main", "java");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> offenders = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("Await.java"))
          .filter(BlockingConfinedTest::blocks)
          .map(Path::toString)
          .collect(Collectors.toList());
      assertEquals(List.of(), offenders);
    }
  }

  private static boolean blocks(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains(".block(") || text.contains(".blockFirst(")
          || text.contains(".blockLast(") || text.contains(".toIterable(")
          || text.contains(".toStream(");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
