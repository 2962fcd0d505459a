package dev.weir.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long a step of {@link Compare} takes, in seconds, worked out from what it will run: the
 * JMH options it runs with (forks, warm-up and measured iterations and their time, the flags
 * of a forked JVM) and rough costs of what JMH does not time (a JVM's start, pre-touching its
 * heap, loading a store). The costs are this machine kind's (2 cores, a microVM whose first
 * touch of fresh memory is slow); the progress line rescales what is left by how the steps
 * done so far compared with their estimates.
 */
final class Estimate {

  /** A forked JVM's start, class loading and JMH's hand-shake, before any setup. */
  static final double JVM_START = 0.8;
  /**
   * {@code -XX:+AlwaysPreTouch}: touching each GiB of the initial heap, as forks measured it (a
   * 4 GiB blob fork ~11 s, a 1 GiB one 3.5 s, each with 1.6 s of iterations and its setup; a
   * bare {@code java -version} varied from 3 to 5 s a GiB).
   */
  static final double PRETOUCH_PER_GIB = 2.2;
  /** JMH's own work around one benchmark run in this JVM ({@code -f 0}). */
  static final double IN_PROCESS = 0.3;
  /**
   * A heap probe's waits (2 x 5 collections 100 ms apart, 500 ms for the store to settle), less
   * what its smaller start saves against a JMH fork's: 4.7 s measured for a probe estimated at 5.
   */
  static final double HEAP_PROBE_WAITS = 1.0;

  private Estimate() {}

  /**
   * {@code benchmarks} JMH benchmarks (methods x parameter values) run with {@code options},
   * each after {@code setup} seconds of set-up; {@code shot} is one single-shot iteration's
   * time (a whole fill), or 0 for benchmarks timed by iteration time.
   */
  static double jmh(Options options, int benchmarks, double setup, double shot) {
    int forks = options.getForkCount().get();
    int warmups = options.getWarmupIterations().get();
    int measured = options.getMeasurementIterations().get();
    double iterations = shot > 0 ? (warmups + measured) * shot
        : warmups * seconds(options.getWarmupTime().get())
            + measured * seconds(options.getMeasurementTime().get());
    double trial = setup + iterations;
    if (forks == 0) {
      return benchmarks * (IN_PROCESS + trial);
    }
    List<String> flags = List.copyOf(options.getJvmArgs().get());
    return benchmarks * forks * (jvmStart(flags) + trial);
  }

  /** A JVM started with {@code flags}, to its {@code main}. */
  static double jvmStart(Collection<String> flags) {
    return JVM_START + pretouch(flags);
  }

  /** Seconds spent pre-touching the heap: the last {@code -Xms} counts, as for the JVM. */
  static double pretouch(Collection<String> flags) {
    if (!flags.contains("-XX:+AlwaysPreTouch")) {
      return 0;
    }
    double gib = 0;
    for (String flag : flags) {
      if (flag.startsWith("-Xms")) {
        gib = gibibytes(flag.substring(4));
      }
    }
    return gib * PRETOUCH_PER_GIB;
  }

  /** A heap probe of a store whose load takes {@code load} seconds, in a JVM with {@code flags}. */
  static double heapProbe(Collection<String> flags, double load) {
    return jvmStart(flags) + load + HEAP_PROBE_WAITS;
  }

  private static double gibibytes(String size) {
    char unit = Character.toLowerCase(size.charAt(size.length() - 1));
    double n = Double.parseDouble(Character.isDigit(unit)
        ? size : size.substring(0, size.length() - 1));
    switch (unit) {
      case 'g':
        return n;
      case 'm':
        return n / 1024;
      case 'k':
        return n / (1024 * 1024);
      default:
        return n / (1024.0 * 1024 * 1024);
    }
  }

  static double seconds(TimeValue t) {
    return t.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
  }
}
