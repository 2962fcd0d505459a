package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.reactive.Weir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./weir shell < demo.txt} must print exactly {@code demo.expected}, but for the ETags of
 * simple puts, which name a version drawn anew on every run. Runs the jar's main
 * class in-process (the launcher only adds the build step and JVM flags), so {@code mvn verify}
 * does not depend on the script. After a deliberate change, regenerate the transcript with
 * {@code ./weir shell < demo.txt > cli/src/test/resources/demo.expected}.
 */
class DemoTranscriptTest {

  @Test
  void demoScriptPrintsTheCheckedInTranscript() throws IOException {
    // Surefire runs in the module directory; demo.txt lives at the repository root, and the
    // files it uploads are named from there. Their paths are not printed, so making them
    // absolute changes nothing in the output.
    Path root = Path.of("..").toAbsolutePath().normalize();
    String demo = Files.readString(root.resolve("demo.txt"), StandardCharsets.UTF_8)
        .replace(" cli/src/", " " + root.resolve("cli/src") + "/");
    Run run = ShellDriver.command(Weir::open, demo, "shell");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals(Transcripts.withoutVersionEtags(Transcripts.demoExpected()),
        Transcripts.withoutVersionEtags(run.out()));
  }
}
