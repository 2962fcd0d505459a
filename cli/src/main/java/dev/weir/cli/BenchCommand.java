package dev.weir.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code weir bench}: listed here so {@code weir --help} shows it, but run by the launcher
 * script, which builds the benchmarks jar and starts {@code dev.weir.benchmarks.Compare} in a
 * JVM of its own (the benchmarks must not share this one's flags, heap or classpath). Reached
 * on the jar directly, it says how to run it and exits with the usage-error code.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run the benchmarks side by side (Weir beside other stores) and print the comparison.",
      "Run by the launcher: ./weir bench [--quick] builds benchmarks/target/benchmarks.jar"
          + " through the Maven wrapper when it is missing or stale, then runs"
          + " dev.weir.benchmarks.Compare. --quick runs a shorter pass."
    })
final class BenchCommand implements Callable<Integer> {

  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Unmatched String[] passed; // --quick and the rest belong to Compare, not to this jar

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(
        "weir bench runs through the launcher at the repository root: ./weir bench [--quick]");
    return USAGE;
  }
}
