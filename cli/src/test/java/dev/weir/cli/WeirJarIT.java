package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the launcher runs: {@code cli/target/weir.jar} in a JVM of its own, fed {@code demo.txt},
 * must print exactly {@code demo.expected} (but for simple puts' version ETags). {@link
 * DemoTranscriptTest} proves the shell on the test class path; this proves the shaded jar holds everything it needs at run time (a library
 * left out of it passes every in-process test and fails only here).
 */
class WeirJarIT {

  @Test
  void theShadedJarRunsTheDemoScriptToTheCheckedInTranscript() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path jar = root.resolve("cli/target/weir.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
    Path out = Files.createTempFile("weir-jar", ".out");
    Path err = Files.createTempFile("weir-jar", ".err");
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "shell")
              .directory(root.toFile()) // the script names its upload files from the root
              .redirectInput(root.resolve("demo.txt").toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("weir.jar did not finish the demo in 120 s");
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), stderr);
      assertEquals("", stderr);
      assertEquals(Transcripts.withoutVersionEtags(Transcripts.demoExpected()),
          Transcripts.withoutVersionEtags(Files.readString(out, StandardCharsets.UTF_8)));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
