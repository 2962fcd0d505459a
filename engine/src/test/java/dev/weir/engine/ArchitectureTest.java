package dev.weir.engine;

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
 * Pebble's TestForbiddenImports: the engine depends on the JDK alone (plus JCTools and the
 * slf4j-api facade), so it can be checked and stressed without reactive machinery. Only the
 * optional BlockHound integration may name BlockHound.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void engineImportsNeitherReactorNorVertx() throws IOException {
    assertEquals(List.of(), offenders("import reactor.core", "import io.vertx", "import io.netty"));
  }

  @Test
  void onlyTheIntegrationNamesBlockHound() throws IOException {
    List<String> users = offenders("import reactor.blockhound");
    assertEquals(List.of("WeirBlockHoundIntegration.java"), users);
  }

  @Test
  void engineLogsThroughSlf4jOnly() throws IOException {
    // the application picks the binding; the engine never writes to the console itself
    assertEquals(List.of(), offenders("System.getLogger", "java.util.logging", "System.err",
        "System.out", "printStackTrace"));
  }

  @Test
  void libraryCodeNeverSleepsOrTakesALock() throws IOException {
    assertEquals(List.of(), offenders("Thread.sleep" + "(", "synchronized", "ReentrantLock"));
    // opening a durable store reads files, so its thread may wait (a failed open waits for the
    // compactor before it gives up the directory); nothing else does
    assertEquals(List.of("DurableFiles.java"), offenders(".join()"));
  }

  @Test
  void onlyTheCompactorAndWalThreadsPark() throws IOException {
    // the compactor waits only for the log to make a flushed memtable durable (durable mode)
    assertEquals(List.of("Compactor.java", "CompactorThread.java", "WalWriter.java"),
        offenders("LockSupport"));
  }

  private static List<String> offenders(String... needles) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> contains(p, needles))
          .map(p -> p.getFileName().toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean contains(Path file, String... needles) {
    try {
      String text = Files.readString(file);
      for (String n : needles) {
        if (text.contains(n)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
