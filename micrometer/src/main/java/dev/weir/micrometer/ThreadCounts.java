package dev.weir.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-thread counts of a few kinds of events, a 1-in-n sample of them, and the durations of the
 * sampled ones: the part of {@link OperationMeters} that runs on every operation.
 *
 * <p><b>Why so.</b> Measured on readrandom (a point read of about 420 ns), a {@code LongAdder}
 * per operation with a random draw cost little, but timing one read in 64 into a Micrometer
 * {@code Timer} cost 12%: not the clock reads (18 ns each here), but the timer's code inlined
 * into the read path, which made every read slower, sampled or not. So nothing of Micrometer
 * runs on an operation's thread: a thread finds its cell with one {@code ThreadLocal} lookup and
 * bumps counters it alone writes, with opaque stores (a plain {@code mov} on x86 and ARM, never
 * merged away by the compiler); no CAS, no fence. A sampled duration is added to the cell the
 * same way, and registries read the sums through function counters and function timers when
 * they poll. Whether to sample is a countdown per kind in the cell, reset to a random gap
 * averaging n once it runs out, so the random draw happens once per sample and a workload that
 * alternates its operations cannot fall into step with the sampling.
 *
 * <p>Reading sums every cell (each read opaquely). Cells of threads that have ended are folded
 * into {@link #retired} when read, so thread churn (elastic pools) does not keep cells forever.
 * Thread-safe; each cell is written by its own thread only.
 */
final class ThreadCounts {

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  /** One thread's figures. Written by {@link #owner} only. */
  private static final class Cell {
    final Thread owner = Thread.currentThread();
    /** Per kind: events; then per timed slot: samples, then per timed slot: their nanos. */
    final long[] figures;
    final int[] countdown;

    Cell(int figures, int kinds, int sampleEvery) {
      this.figures = new long[figures];
      this.countdown = new int[kinds];
      for (int k = 0; k < kinds; k++) {
        countdown[k] = gap(sampleEvery);
      }
    }
  }

  private final int kinds;
  private final int slots;
  private final int sampleEvery;
  private final ThreadLocal<Cell> cells;
  /** Every live thread's cell; changed under its own lock (once per thread, and on reads). */
  private final List<Cell> all = new ArrayList<>();
  /** Figures of threads that have ended. */
  private final AtomicLongArray retired;

  /** {@code kinds} kinds of events; {@code slots} slots of sampled durations. */
  ThreadCounts(int kinds, int slots, int sampleEvery) {
    this.kinds = kinds;
    this.slots = slots;
    this.sampleEvery = sampleEvery;
    this.retired = new AtomicLongArray(kinds + 2 * slots);
    this.cells = ThreadLocal.withInitial(this::register);
  }

  private Cell register() {
    Cell c = new Cell(kinds + 2 * slots, kinds, sampleEvery);
    synchronized (all) {
      all.add(c);
    }
    return c;
  }

  /** A gap between samples: 1 when sampling every event, else uniform in [1, 2n - 1]. */
  private static int gap(int sampleEvery) {
    return sampleEvery == 1 ? 1 : 1 + ThreadLocalRandom.current().nextInt(2 * sampleEvery - 1);
  }

  /** Counts one event of {@code kind} on this thread; returns whether it falls in the sample. */
  boolean count(int kind) {
    Cell c = cells.get();
    bump(c.figures, kind, 1);
    if (--c.countdown[kind] > 0) {
      return false;
    }
    c.countdown[kind] = gap(sampleEvery);
    return true;
  }

  /** Adds a sampled duration to {@code slot}, on this thread's cell. */
  void record(int slot, long nanos) {
    long[] figures = cells.get().figures;
    bump(figures, kinds + slot, 1);
    bump(figures, kinds + slots + slot, nanos);
  }

  private static void bump(long[] figures, int i, long by) {
    SLOT.setOpaque(figures, i, (long) SLOT.getOpaque(figures, i) + by);
  }

  /** Events of {@code kind} on every thread, living and ended. */
  long events(int kind) {
    return sum(kind);
  }

  /** Durations recorded in {@code slot}. */
  long samples(int slot) {
    return sum(kinds + slot);
  }

  /** Nanoseconds recorded in {@code slot}. */
  long sampledNanos(int slot) {
    return sum(kinds + slots + slot);
  }

  private long sum(int figure) {
    synchronized (all) {
      foldEnded();
      long sum = retired.get(figure);
      for (Cell c : all) {
        sum += (long) SLOT.getOpaque(c.figures, figure);
      }
      return sum;
    }
  }

  /** Moves the figures of ended threads to {@link #retired}; they write no more. */
  private void foldEnded() {
    all.removeIf(c -> {
      if (c.owner.isAlive()) {
        return false;
      }
      for (int f = 0; f < c.figures.length; f++) {
        retired.addAndGet(f, (long) SLOT.getOpaque(c.figures, f));
      }
      return true;
    });
  }
}
