package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library jars the build packaged, as a user gets them: each names its module
 * ({@code Automatic-Module-Name}, read here by the JDK's own module finder, so a name the module
 * system would refuse fails too), and has its sources and Javadoc jars beside it. Runs in the
 * integration-test phase, after the libraries (which cli depends on, directly or through their
 * tests) were packaged in the same reactor.
 */
class LibraryJarsIT {

  /** Every library module: its folder and the module name its jar must carry. */
  private static final Map<String, String> LIBRARIES =
      new TreeMap<>(
          Map.of(
              "engine", "dev.weir.engine",
              "micrometer", "dev.weir.micrometer",
              "reactive-api", "dev.weir.reactive",
              "spring-boot-starter", "dev.weir.spring.boot",
              "tables", "dev.weir.table",
              "testkit", "dev.weir.testkit",
              "vertx-adapter", "dev.weir.vertx"));

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyLibraryJarNamesItsModule() {
    Map<String, String> named = new TreeMap<>();
    for (String module : LIBRARIES.keySet()) {
      Set<ModuleReference> found = ModuleFinder.of(jar(module, "")).findAll();
      assertEquals(1, found.size(), module);
      ModuleDescriptor descriptor = found.iterator().next().descriptor();
      assertTrue(descriptor.isAutomatic(), module + " is an automatic module");
      named.put(module, descriptor.name());
    }
    assertEquals(LIBRARIES, named);
  }

  @Test
  void everyLibraryHasSourcesAndJavadocJars() throws IOException {
    for (String module : LIBRARIES.keySet()) {
      String root = LIBRARIES.get(module).replace('.', '/') + "/";
      assertTrue(entries(jar(module, "-sources")).stream()
              .anyMatch(e -> e.startsWith(root) && e.endsWith(".java")),
          module + "'s sources jar holds its sources");
      assertTrue(entries(jar(module, "-javadoc")).contains("index.html"),
          module + "'s javadoc jar holds its Javadoc");
    }
  }

  private static Path jar(String module, String classifier) {
    String version = System.getProperty("weir.version");
    Path jar = ROOT.resolve(module).resolve("target")
        .resolve("weir-" + module + "-" + version + classifier + ".jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
    return jar;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(e -> e.getName()).collect(Collectors.toList());
    }
  }
}
