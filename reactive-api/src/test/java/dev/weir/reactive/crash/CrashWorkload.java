package dev.weir.reactive.crash;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.reactive.object.ObjectConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What the crash writer writes and the checker expects, in one place: the store's settings,
 * the key layout, and content derivable from a key or an object's name, so the checker can
 * verify every byte it finds, acknowledged or not, without the writer telling it.
 *
 * <pre>
 *   p/RUN/I        a unique put; value {@link #value}
 *   b/BATCH/M      the M-th key of an atomic batch; value "BATCH:N:M" (N keys in the batch)
 *   c/C            counter C, overwritten with increasing versions, one write in flight each
 *   a/NN           a bank account; transfers keep the sum at ACCOUNTS * OPENING_BALANCE
 *   object o/RUN/I-LEN in bucket "crash": LEN bytes of {@link #objectContent}
 * </pre>
 *
 * RUN is the writer's seed in hex, so every cycle's keys are new. A quarter of the puts,
 * batches and objects are {@link #doomed}: deleted once acknowledged.
 */
final class CrashWorkload {

  static final int ACCOUNTS = 32;
  static final long OPENING_BALANCE = 1_000;
  static final int COUNTERS = 4;
  static final String BUCKET = "crash";
  /** Small memtables, so memtables freeze and flush during every run and every replay. */
  static final long MEMTABLE_BYTES = 256 * 1024;
  /** Small chunks, so objects span several. */
  static final int CHUNK_SIZE = 4096;

  private CrashWorkload() {}

  static EngineConfig config(Path dir) {
    return EngineConfig.builder().directory(dir).memtableBytes(MEMTABLE_BYTES).build();
  }

  static ObjectConfig objectConfig() {
    return ObjectConfig.defaults().withChunkSize(CHUNK_SIZE);
  }

  static String putKey(String run, long i) {
    return "p/" + run + "/" + i;
  }

  /** 16 to 415 bytes that only {@code key} produces. */
  static Bytes value(String key) {
    SplittableRandom r = new SplittableRandom(hash(key));
    StringBuilder s = new StringBuilder(key).append('=');
    int length = 16 + r.nextInt(400);
    while (s.length() < length) {
      s.append((char) ('a' + r.nextInt(26)));
    }
    return Bytes.utf8(s.toString());
  }

  static Bytes batchKey(String batchId, int m) {
    return Bytes.utf8("b/" + batchId + "/" + m);
  }

  static Bytes batchValue(String batchId, int n, int m) {
    return Bytes.utf8(batchId + ":" + n + ":" + m);
  }

  static Bytes account(int a) {
    return Bytes.utf8(String.format("a/%02d", a));
  }

  static Bytes counter(int c) {
    return Bytes.utf8("c/" + c);
  }

  static String objectName(String run, long i, int length) {
    return "o/" + run + "/" + i + "-" + length;
  }

  /** The length an object's name promises. */
  static int objectLength(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
  }

  static byte[] objectContent(String name) {
    byte[] content = new byte[objectLength(name)];
    SplittableRandom r = new SplittableRandom(hash(name));
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) r.nextInt(256);
    }
    return content;
  }

  /**
   * Whether the writer deletes {@code name} (a put's key, a batch's id, an object's name) once
   * its write is acknowledged: fixed by the name, so the checker knows which acknowledged
   * writes a delete in flight at the kill may have removed, and which must be there.
   */
  static boolean doomed(String name) {
    return Math.floorMod(hash(name + "#doomed"), 4) == 0;
  }

  /** FNV-1a, 64 bits: stable across JVMs, unlike String.hashCode's spread. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
