package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code weir shell} loads no Vert.x, Hazelcast or Netty class: they are on the class
 * path for {@code serve} and {@code --connect} only, and loading them would cost the shell's
 * start-up time. Checked in a fresh JVM, since this one has loaded them for other tests.
 */
class LazyLoadingTest {

  @TempDir Path dir;

  @Test
  void aLocalShellLoadsNoClusterClasses() throws Exception {
    Path log = dir.resolve("classes.txt");
    Path script = dir.resolve("script.txt");
    Files.writeString(script, "put a 1\nget a\nscan \"\"\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), WeirCli.class.getName(), "shell")
        .redirectInput(script.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    assertTrue(p.waitFor(ServerProcess.GUARD.toMillis(), TimeUnit.MILLISECONDS), "hang guard");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.weir.cli.Shell ")),
        "the log lists classes");
    List<String> cluster = loaded.stream()
        .filter(l -> l.contains(" io.vertx.") || l.contains(" com.hazelcast.")
            || l.contains(" io.netty.") || l.contains(" dev.weir.vertx."))
        .collect(Collectors.toList());
    assertEquals(List.of(), cluster);
  }
}
