package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./weir bench}: the launcher builds the benchmarks jar when it is missing or stale and
 * runs Compare with the arguments. Runs a copy of the real script in a scratch tree whose
 * {@code mvnw} and {@code java} only record how they were called, so no benchmark runs.
 */
class LauncherTest {

  @TempDir Path root;

  @Test
  void benchBuildsWhenMissingOrStaleThenRunsCompare() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    setUp();

    Result first = weir("bench", "--quick");
    assertEquals(0, first.code, first.err);
    assertEquals("-B -q -Dstyle.color=never -pl benchmarks -am package -DskipTests\n",
        Files.readString(root.resolve("mvnw.log")));
    assertEquals("java -Xms4g -Xmx4g -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar"
        + " dev.weir.benchmarks.Compare --quick\n",
        first.out);
    assertTrue(first.err.contains("building the benchmarks"), first.err);

    Files.delete(root.resolve("mvnw.log"));
    Result second = weir("bench");
    assertEquals("java -Xms4g -Xmx4g -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar"
        + " dev.weir.benchmarks.Compare\n",
        second.out);
    assertTrue(Files.notExists(root.resolve("mvnw.log")), "an up-to-date jar is not rebuilt");

    Path source = root.resolve("engine/src/main/Engine.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
    weir("bench");
    assertTrue(Files.exists(root.resolve("mvnw.log")), "a changed engine source rebuilds");
  }

  private record Result(int code, String out, String err) {}

  private void setUp() throws IOException {
    Files.copy(Path.of("..", "weir"), root.resolve("weir"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    for (String module : new String[] {"engine", "reactive-api", "benchmarks"}) {
      Files.createDirectories(root.resolve(module + "/src/main"));
      Files.writeString(root.resolve(module + "/src/main/Engine.java"), "");
    }
    script("mvnw", "echo \"$@\" >> mvnw.log\n"
        + "mkdir -p benchmarks/target && touch benchmarks/target/benchmarks.jar\n");
    Files.createDirectories(root.resolve("jdk/bin"));
    script("jdk/bin/java", "echo java \"$@\"\n");
    Files.setPosixFilePermissions(
        root.resolve("weir"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void script(String name, String body) throws IOException {
    Path file = root.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result weir(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = root.resolve("weir").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
