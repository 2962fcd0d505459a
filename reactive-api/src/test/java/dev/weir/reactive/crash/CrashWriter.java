package dev.weir.reactive.crash;

import static dev.weir.reactive.crash.CrashWorkload.ACCOUNTS;
import static dev.weir.reactive.crash.CrashWorkload.COUNTERS;
import static dev.weir.reactive.crash.CrashWorkload.OPENING_BALANCE;

import dev.weir.engine.Bytes;
import dev.weir.engine.TransactionConflictException;
import dev.weir.engine.WriteBatch;
import dev.weir.reactive.ReactiveStore;
import dev.weir.reactive.Transaction;
import dev.weir.reactive.Weir;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.ObjectStore;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The crash test's victim, run as its own JVM ({@code CrashWriter <dir> <seed>}) and killed
 * with SIGKILL by {@link CrashRecoveryTest}: opens the durable store in {@code dir} (recovering
 * what earlier runs left) and writes with {@value #IN_FLIGHT} writes in flight, from Reactor's
 * parallel threads with BlockHound installed: unique puts, deletes of acknowledged puts, atomic
 * batches and their atomic removal, bank transfers in transactions, objects and their deletes
 * (only of what {@link CrashWorkload#doomed} names),
 * and, beside them, counters overwritten one write at a time with increasing versions (see
 * {@link CrashWorkload} for the layout).
 *
 * <p>Once a write is acknowledged (its {@code Mono} completed) it prints one line on stdout:
 * <pre>
 *   I                      the accounts were opened (one batch)
 *   P key | D key          a put, a delete of an acknowledged put
 *   B id n | X id n        a batch of n keys, the batch removing an acknowledged one's keys
 *   T from to amount       a committed transfer
 *   C counter version      a counter's overwrite
 *   O name | OD name       an object put, the delete of an acknowledged object
 * </pre>
 * Lines are printed by one plain thread after the acknowledgement, never on the thread that
 * completed the write (stdout blocks). A write that fails unexpectedly prints its stack trace
 * on stderr and exits with 2; after {@value #CAP} writes (far more than a cycle lets it make)
 * the writer closes the store and exits with 0.
 */
public final class CrashWriter {

  static final int IN_FLIGHT = 128;
  static final int CAP = 2_000_000;

  private final ReactiveStore kv;
  private final Bucket bucket;
  private final String run;
  private final long seed;
  private final AckPrinter acks;
  private final ConcurrentLinkedQueue<String> doomedPuts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> doomedBatches = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> doomedObjects = new ConcurrentLinkedQueue<>();

  private CrashWriter(ReactiveStore kv, Bucket bucket, long seed, AckPrinter acks) {
    this.kv = kv;
    this.bucket = bucket;
    this.seed = seed;
    this.run = Long.toHexString(seed);
    this.acks = acks;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    BlockHound.install(); // as in every test JVM: the store must not block a parallel thread
    AckPrinter acks = AckPrinter.start();
    try {
      ReactiveStore kv = Weir.open(CrashWorkload.config(dir)).block();
      ObjectStore objects = ObjectStore.over(kv, CrashWorkload.objectConfig());
      objects.createBucket(CrashWorkload.BUCKET).block();
      CrashWriter writer =
          new CrashWriter(kv, objects.bucket(CrashWorkload.BUCKET), seed, acks);
      writer.openAccounts();
      writer.writeUntilKilled();
      kv.close().block();
      acks.finish();
      System.exit(0);
    } catch (Throwable t) {
      System.err.println("crash writer (seed " + seed + ") failed:");
      t.printStackTrace();
      System.exit(2);
    }
  }

  private void openAccounts() {
    if (kv.get(CrashWorkload.account(0)).blockOptional().isPresent()) {
      return;
    }
    WriteBatch.Builder batch = WriteBatch.builder();
    for (int a = 0; a < ACCOUNTS; a++) {
      batch.put(CrashWorkload.account(a), Bytes.utf8(Long.toString(OPENING_BALANCE)));
    }
    kv.write(batch.build()).block();
    acks.print("I");
  }

  private void writeUntilKilled() {
    List<Flux<?>> streams = new ArrayList<>();
    streams.add(Flux.range(0, CAP).flatMap(this::randomWrite, IN_FLIGHT));
    for (int c = 0; c < COUNTERS; c++) {
      streams.add(counterWrites(c));
    }
    Flux.fromIterable(streams).flatMap(s -> s, streams.size()).blockLast();
  }

  /** The i-th write: its kind and content drawn from the seed and i, so a run replays. */
  private Mono<?> randomWrite(int i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int kind = r.nextInt(100);
    Mono<?> write;
    if (kind < 40) {
      write = put(i);
    } else if (kind < 48) {
      String key = doomedPuts.poll();
      write = key == null ? put(i) : kv.delete(Bytes.utf8(key)).doOnSuccess(x -> acks.print(
          "D " + key));
    } else if (kind < 63) {
      write = batch(i, 2 + r.nextInt(7));
    } else if (kind < 68) {
      String batch = doomedBatches.poll();
      write = batch == null ? batch(i, 2 + r.nextInt(7)) : removeBatch(batch);
    } else if (kind < 83) {
      int from = r.nextInt(ACCOUNTS);
      int to = (from + 1 + r.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      write = transfer(from, to, 1 + r.nextInt(100));
    } else if (kind < 95) {
      write = putObject(CrashWorkload.objectName(run, i, r.nextInt(3 * CrashWorkload.CHUNK_SIZE)));
    } else {
      String name = doomedObjects.poll();
      write = name == null
          ? putObject(CrashWorkload.objectName(run, i, r.nextInt(100)))
          : bucket.delete(name).doOnSuccess(x -> acks.print("OD " + name));
    }
    return write.subscribeOn(Schedulers.parallel()); // the caller is a non-blocking thread
  }

  private Mono<Void> put(int i) {
    String key = CrashWorkload.putKey(run, i);
    return kv.put(Bytes.utf8(key), CrashWorkload.value(key))
        .doOnSuccess(x -> {
          acks.print("P " + key);
          if (CrashWorkload.doomed(key)) {
            doomedPuts.add(key);
          }
        });
  }

  private Mono<Void> batch(int i, int n) {
    String id = run + "." + i;
    WriteBatch.Builder b = WriteBatch.builder();
    for (int m = 0; m < n; m++) {
      b.put(CrashWorkload.batchKey(id, m), CrashWorkload.batchValue(id, n, m));
    }
    return kv.write(b.build()).doOnSuccess(x -> {
      acks.print("B " + id + " " + n);
      if (CrashWorkload.doomed(id)) {
        doomedBatches.add(id + " " + n);
      }
    });
  }

  private Mono<Void> removeBatch(String idAndSize) {
    String[] parts = idAndSize.split(" ");
    int n = Integer.parseInt(parts[1]);
    WriteBatch.Builder b = WriteBatch.builder();
    for (int m = 0; m < n; m++) {
      b.delete(CrashWorkload.batchKey(parts[0], m));
    }
    return kv.write(b.build()).doOnSuccess(x -> acks.print("X " + idAndSize));
  }

  private Mono<Void> transfer(int from, int to, long amount) {
    return kv.transact(tx -> move(tx, from, to, amount),
            Retry.backoff(1_000, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                .filter(TransactionConflictException.class::isInstance))
        .doOnSuccess(x -> acks.print("T " + from + " " + to + " " + amount))
        .onErrorResume(e -> e.getCause() instanceof TransactionConflictException, // exhausted
            e -> Mono.empty());
  }

  private static Mono<Void> move(Transaction tx, int from, int to, long amount) {
    return Mono.zip(tx.get(CrashWorkload.account(from)), tx.get(CrashWorkload.account(to)))
        .flatMap(balances -> {
          long a = Long.parseLong(balances.getT1().asUtf8());
          long b = Long.parseLong(balances.getT2().asUtf8());
          long moved = Math.min(amount, a);
          return tx.put(CrashWorkload.account(from), Bytes.utf8(Long.toString(a - moved)))
              .then(tx.put(CrashWorkload.account(to), Bytes.utf8(Long.toString(b + moved))));
        });
  }

  private Mono<?> putObject(String name) {
    return bucket.put(name, Flux.just(ByteBuffer.wrap(CrashWorkload.objectContent(name))),
            ObjectOptions.defaults())
        .doOnSuccess(x -> {
          acks.print("O " + name);
          if (CrashWorkload.doomed(name)) {
            doomedObjects.add(name);
          }
        });
  }

  /**
   * Counter {@code c}'s overwrites, one in flight at a time (two in flight could land in either
   * order), continuing from the version recovered.
   */
  private Flux<Long> counterWrites(int c) {
    Bytes key = CrashWorkload.counter(c);
    return kv.get(key)
        .map(v -> Long.parseLong(v.asUtf8()))
        .defaultIfEmpty(0L)
        .flatMapMany(start -> Flux.range(1, CAP)
            .concatMap(n -> kv.put(key, Bytes.utf8(Long.toString(start + n)))
                .subscribeOn(Schedulers.parallel())
                .then(Mono.fromRunnable(() -> acks.print("C " + c + " " + (start + n))))
                .thenReturn(start + n)));
  }

  /**
   * Prints acknowledgement lines on its own plain thread: stdout blocks, and the threads that
   * complete writes must not. Each line goes out in one write of the whole line, flushed, so
   * the test reads every line printed before the kill, and at most a last partial one.
   */
  static final class AckPrinter implements Runnable {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private final Thread thread = new Thread(this, "ack-printer");
    private volatile boolean waiting;
    private volatile boolean finished;

    static AckPrinter start() {
      AckPrinter p = new AckPrinter();
      p.thread.setDaemon(true);
      p.thread.start();
      return p;
    }

    void print(String line) {
      lines.add(line);
      if (waiting) {
        LockSupport.unpark(thread);
      }
    }

    /** Prints what is queued, then returns. */
    void finish() throws InterruptedException {
      finished = true;
      LockSupport.unpark(thread);
      thread.join();
    }

    @Override
    public void run() {
      try {
        while (true) {
          String line = lines.poll();
          if (line != null) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          } else if (finished) {
            return;
          } else {
            waiting = true;
            if (lines.isEmpty() && !finished) {
              LockSupport.park(this);
            }
            waiting = false;
          }
        }
      } catch (IOException e) {
        Runtime.getRuntime().halt(3); // the test stopped reading: nothing left to report to
      }
    }
  }
}
