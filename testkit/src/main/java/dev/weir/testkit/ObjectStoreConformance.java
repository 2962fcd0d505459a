package dev.weir.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.StoreFullException;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.BucketInfo;
import dev.weir.reactive.object.BucketNotEmptyException;
import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.object.EtagAlgorithm;
import dev.weir.reactive.object.Features;
import dev.weir.reactive.object.InvalidPartException;
import dev.weir.reactive.object.InvalidPartOrderException;
import dev.weir.reactive.object.Listing;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The conformance suite of {@link ObjectStore}: every implementation (the embedded store, the
 * event-bus client) must pass it. Subclass it and supply the store from {@link
 * #newObjectStore(Settings)}; the suite follows S3 where the references are silent.
 *
 * <p>Randomised tests print their seed on failure ({@code seed=...} in the message) and replay
 * from it.
 */
public abstract class ObjectStoreConformance {

  /**
   * What a test needs of the store under test.
   *
   * @param clock milliseconds; the store stamps objects and expires uploads by it
   * @param chunkSize bytes per stored chunk
   * @param uploadExpiry how long an upload may stay open
   * @param maxMemoryBytes the store's memory budget ({@code Long.MAX_VALUE}: none)
   */
  public record Settings(
      LongSupplier clock, int chunkSize, Duration uploadExpiry, long maxMemoryBytes) {}

  /** A fresh, empty store with {@code settings}. */
  protected abstract ObjectStore newObjectStore(Settings settings);

  /** Releases a store made by {@link #newObjectStore(Settings)}. */
  protected abstract void closeObjectStore(ObjectStore store);

  protected static final int CHUNK = 1024;
  protected static final Duration EXPIRY = Duration.ofHours(24);
  private static final long START = 1_700_000_000_000L;

  protected final AtomicLong clock = new AtomicLong(START);
  /** The ETag of each content put by this test, by the content's MD5. */
  private final Map<String, String> etagsSeen = new HashMap<>();
  /** The content (its MD5) each ETag this test saw names. */
  private final Map<String, String> contentOfEtag = new HashMap<>();
  private final List<ObjectStore> opened = new ArrayList<>();
  protected ObjectStore store;
  protected Bucket bucket;

  @BeforeEach
  void openStore() {
    store = open(Long.MAX_VALUE);
    store.createBucket("test").block();
    bucket = store.bucket("test");
  }

  @AfterEach
  void closeStores() {
    opened.forEach(this::closeObjectStore);
  }

  private ObjectStore open(long budget) {
    ObjectStore s = newObjectStore(new Settings(clock::get, CHUNK, EXPIRY, budget));
    opened.add(s);
    return s;
  }

  // ------------------------------------------------------------------------------- helpers

  protected static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** {@code data} as buffers of the given sizes, cycling through them. */
  protected static Flux<ByteBuffer> pieces(byte[] data, int... sizes) {
    List<ByteBuffer> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < data.length; i++) {
      int n = Math.min(sizes[i % sizes.length], data.length - at);
      out.add(ByteBuffer.wrap(data, at, n).slice());
      at += n;
    }
    return Flux.fromIterable(out);
  }

  protected static Flux<ByteBuffer> whole(byte[] data) {
    return Flux.just(ByteBuffer.wrap(data));
  }

  protected static byte[] concat(Flux<ByteBuffer> content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : content.collectList().block()) {
      byte[] a = new byte[b.remaining()];
      b.duplicate().get(a);
      out.write(a, 0, a.length);
    }
    return out.toByteArray();
  }

  protected static String md5Hex(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (byte[] p : parts) {
        md.update(p);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Checks a simple put's ETag against the store's {@link Features}: the hex MD5 of the content
   * where {@code md5()} holds, as S3 computes it; otherwise 32 hex digits that name one content
   * only (never shared by two different contents this test saw) and, where the algorithm is a
   * content hash, equal to the ETag of every equal content.
   */
  protected void assertContentEtag(byte[] content, String etag, String message) {
    Features features = store.features();
    if (features.md5()) {
      assertEquals(EtagAlgorithm.MD5, features.etagAlgorithm(), message);
      assertEquals(md5Hex(content), etag, message);
      return;
    }
    assertTrue(etag.matches("[0-9a-f]{32}"), () -> message + ": " + etag);
    String content128 = md5Hex(content);
    String named = contentOfEtag.putIfAbsent(etag, content128);
    assertTrue(named == null || named.equals(content128),
        () -> message + ": different content, the same ETag " + etag);
    if (features.etagAlgorithm().isContentHash()) {
      String before = etagsSeen.putIfAbsent(content128, etag);
      assertTrue(before == null || before.equals(etag),
          () -> message + ": equal content, another ETag");
    }
  }

  protected void assertContentEtag(byte[] content, String etag) {
    assertContentEtag(content, etag, "ETag");
  }

  protected static int crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return (int) c.getValue();
  }

  protected static <T extends Throwable> T error(Mono<?> mono, Class<T> type) {
    Throwable e = assertThrows(Throwable.class, mono::block);
    return assertInstanceOf(type, e, () -> "expected " + type.getSimpleName() + ", got " + e);
  }

  protected static <T extends Throwable> T error(Flux<?> flux, Class<T> type) {
    return error(flux.then(), type);
  }

  protected static void notFound(Mono<?> mono, NotFoundException.Kind kind) {
    assertEquals(kind, error(mono, NotFoundException.class).kind());
  }

  protected ObjectInfo put(String key, byte[] data) {
    return bucket.put(key, whole(data), ObjectOptions.defaults()).block();
  }

  protected BucketStats stats() {
    return bucket.stats().block();
  }

  /** The visible state of the bucket: every key with its ETag, plus the counters. */
  protected String digest() {
    StringBuilder sb = new StringBuilder();
    bucket.objects("").doOnNext(o -> sb.append(o.key()).append('=').append(o.etag()).append(';'))
        .blockLast();
    BucketStats s = stats();
    return sb + " " + s.objects() + "/" + s.bytes() + "/" + s.openUploads() + "/" + s.uploadBytes();
  }

  // ------------------------------------------------------------------------------- buckets

  @Test
  void bucketsAreCreatedListedAndDeleted() {
    clock.set(START + 5);
    BucketInfo info = store.createBucket("photos").block();
    assertEquals("photos", info.name());
    assertEquals(START + 5, info.created().toEpochMilli());
    assertEquals(List.of("photos", "test"),
        store.listBuckets().map(BucketInfo::name).collectList().block());
    store.deleteBucket("photos").block();
    assertEquals(List.of("test"), store.listBuckets().map(BucketInfo::name).collectList().block());
  }

  @Test
  void creatingAnExistingBucketReturnsItUnchanged() {
    BucketInfo first = store.createBucket("again").block();
    clock.addAndGet(1000);
    put("x", new byte[] {1});
    assertEquals(first, store.createBucket("again").block());
    assertEquals(1, stats().objects());
  }

  @Test
  void badBucketNamesAreRefused() {
    for (String name : new String[] {"ab", "UPPER", "-lead", "trail-", "a/b", "a..b", "",
        "x".repeat(64), "spa ce"}) {
      error(store.createBucket(name), InvalidArgumentException.class);
    }
    error(store.createBucket(null), InvalidArgumentException.class);
    assertEquals(1, store.listBuckets().count().block());
  }

  @Test
  void missingBucketsAreNotFoundOfKindBucket() {
    Bucket missing = store.bucket("missing");
    NotFoundException.Kind kind = NotFoundException.Kind.BUCKET;
    notFound(store.deleteBucket("missing"), kind);
    notFound(missing.put("k", whole(new byte[] {1}), null), kind);
    notFound(missing.read("k").then(), kind);
    notFound(missing.head("k"), kind);
    notFound(missing.delete("k"), kind);
    notFound(missing.list("", "/", null, 10), kind);
    notFound(missing.objects("").then(), kind);
    notFound(missing.copy("a", "b"), kind);
    notFound(missing.deletePrefix("a"), kind);
    notFound(missing.startUpload("k", null), kind);
    notFound(missing.listUploads().then(), kind);
    notFound(missing.stats(), kind);
  }

  @Test
  void onlyEmptyBucketsCanBeDeleted() {
    put("a", new byte[] {1});
    error(store.deleteBucket("test"), BucketNotEmptyException.class);
    bucket.delete("a").block();
    Upload u = bucket.startUpload("b", null).block();
    error(store.deleteBucket("test"), BucketNotEmptyException.class);
    bucket.abortUpload(u).block();
    store.deleteBucket("test").block();
    notFound(bucket.head("a"), NotFoundException.Kind.BUCKET);
  }

  @Test
  void aDeletedAndRecreatedBucketIsEmpty() {
    put("a", new byte[] {1});
    bucket.delete("a").block();
    store.deleteBucket("test").block();
    store.createBucket("test").block();
    assertEquals(0, stats().objects());
    notFound(bucket.head("a"), NotFoundException.Kind.OBJECT);
  }

  @Test
  void featuresSayWhatIsSupported() {
    assertTrue(store.features().multipart());
    assertTrue(store.features().serverSideCopy());
    assertTrue(store.features().directories());
    EtagAlgorithm etag = store.features().etagAlgorithm();
    assertEquals(etag == EtagAlgorithm.MD5, store.features().md5(), etag::toString);
  }

  // ------------------------------------------------------------------------------- objects

  @Test
  void putThenReadReturnsTheBytesWithTheirDigests() {
    clock.set(START + 42);
    byte[] data = bytes(1, 5 * CHUNK + 17);
    ObjectOptions options =
        ObjectOptions.contentType("image/png").withMetadata(Map.of("owner", "ann"));
    ObjectInfo info = bucket.put("dir/a.png", pieces(data, 100, 2000, 1), options).block();
    assertEquals("dir/a.png", info.key());
    assertEquals(data.length, info.size());
    assertEquals("image/png", info.contentType());
    assertEquals(Map.of("owner", "ann"), info.metadata());
    assertContentEtag(data, info.etag());
    assertEquals(crc32c(data), info.crc32c());
    assertEquals(START + 42, info.created().toEpochMilli());
    assertTrue(info.sequence() > 0);
    assertEquals(info, bucket.head("dir/a.png").block());
    assertArrayEquals(data, concat(bucket.read("dir/a.png")));
  }

  @Test
  void anyChunkingOfTheContentStoresTheSameBytes() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    for (int i = 0; i < 30; i++) {
      byte[] data = bytes(r.nextLong(), r.nextInt(4 * CHUNK));
      int[] sizes = {1 + r.nextInt(3 * CHUNK), 1 + r.nextInt(50), CHUNK};
      ObjectInfo info = bucket.put("k" + i, pieces(data, sizes), null).block();
      assertContentEtag(data, info.etag(), "seed=" + seed);
      assertArrayEquals(data, concat(bucket.read("k" + i)), "seed=" + seed);
    }
  }

  /**
   * Content hashes: equal content gets an equal ETag however it is cut into buffers, different
   * content another. Version ETags: each put gets its own, whatever its content.
   */
  @Test
  void equalContentGetsAnEqualEtagHoweverItIsCutAndDifferentContentAnother() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    byte[] data = bytes(seed, 3 * CHUNK + r.nextInt(CHUNK));
    ObjectInfo a = bucket.put("a", whole(data), null).block();
    ObjectInfo b = bucket.put("b", pieces(data, 1 + r.nextInt(CHUNK), 7), null).block();
    if (store.features().etagAlgorithm().isContentHash()) {
      assertEquals(a.etag(), b.etag(), "seed=" + seed);
    } else {
      assertNotEquals(a.etag(), b.etag(), "seed=" + seed);
    }
    assertContentEtag(data, a.etag(), "seed=" + seed);
    assertContentEtag(data, b.etag(), "seed=" + seed);
    byte[] other = data.clone();
    other[r.nextInt(other.length)] ^= 1;
    ObjectInfo c = bucket.put("c", whole(other), null).block();
    assertNotEquals(a.etag(), c.etag(), "seed=" + seed);
    assertContentEtag(other, c.etag(), "seed=" + seed);
    assertFalse(a.isMultipart());
    ObjectInfo again = bucket.put("a", whole(data), null).block();
    assertEquals(store.features().etagAlgorithm().isContentHash(), a.etag().equals(again.etag()),
        "seed=" + seed + ": a rewrite of equal content keeps a content hash, not a version");
  }

  @Test
  void emptyObjectsAreObjects() {
    ObjectInfo info = bucket.put("empty", Flux.empty(), null).block();
    assertEquals(0, info.size());
    assertContentEtag(new byte[0], info.etag());
    assertEquals(ObjectOptions.DEFAULT_CONTENT_TYPE, info.contentType());
    assertEquals(0, concat(bucket.read("empty")).length);
    assertEquals(1, stats().objects());
  }

  @Test
  void rangedReadsReturnExactlyTheRangeClampedAtTheEnd() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    byte[] data = bytes(seed, 7 * CHUNK + 3);
    put("r", data);
    for (int i = 0; i < 200; i++) {
      int offset = r.nextInt(data.length + 10);
      int length = r.nextInt(3 * CHUNK);
      int from = Math.min(offset, data.length);
      int to = (int) Math.min((long) offset + length, data.length);
      byte[] expected = java.util.Arrays.copyOfRange(data, from, Math.max(from, to));
      assertArrayEquals(expected, concat(bucket.read("r", offset, length)),
          "seed=" + seed + " offset=" + offset + " length=" + length);
    }
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, data.length),
        concat(bucket.read("r", 10, Long.MAX_VALUE)));
    assertEquals(0, concat(bucket.read("r", data.length, 5)).length);
    assertEquals(0, concat(bucket.read("r", Long.MAX_VALUE, 5)).length);
    assertEquals(0, concat(bucket.read("r", 0, 0)).length);
  }

  @Test
  void negativeOffsetOrLengthIsRefused() {
    put("r", new byte[10]);
    error(bucket.read("r", -1, 5), InvalidArgumentException.class);
    error(bucket.read("r", 0, -1), InvalidArgumentException.class);
    error(bucket.read("r", Long.MIN_VALUE, Long.MIN_VALUE), InvalidArgumentException.class);
  }

  @Test
  void readsHonourDemandOneChunkPerRequest() {
    put("big", bytes(3, 4 * CHUNK));
    StepVerifier.create(bucket.read("big"), 0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(20))
        .thenRequest(1)
        .assertNext(b -> assertEquals(CHUNK, b.remaining()))
        .expectNoEvent(Duration.ofMillis(20))
        .thenRequest(2)
        .expectNextCount(2)
        .expectNoEvent(Duration.ofMillis(20))
        .thenRequest(5)
        .expectNextCount(1)
        .verifyComplete();
  }

  @Test
  void cancellingAReadReleasesItAndTheStoreStaysUsable() {
    put("big", bytes(3, 4 * CHUNK));
    StepVerifier.create(bucket.read("big"), 1).expectNextCount(1).thenCancel().verify();
    bucket.delete("big").block();
    assertEquals(0, stats().bytes());
  }

  @Test
  void buffersHandedOutAreReadOnly() {
    put("r", bytes(4, 3 * CHUNK));
    for (ByteBuffer b : bucket.read("r").collectList().block()) {
      assertTrue(b.isReadOnly());
      assertThrows(java.nio.ReadOnlyBufferException.class, () -> b.put(0, (byte) 1));
    }
  }

  @Test
  void changingTheCallersBufferAfterPutChangesNothingStored() {
    byte[] data = bytes(5, 2 * CHUNK + 5);
    byte[] original = data.clone();
    ByteBuffer reused = ByteBuffer.allocate(300);
    Flux<ByteBuffer> content = Flux.range(0, (data.length + 299) / 300).map(i -> {
      // One buffer reused for every piece, as a network stack would.
      reused.clear();
      reused.put(data, i * 300, Math.min(300, data.length - i * 300)).flip();
      return reused;
    });
    bucket.put("iso", content, null).block();
    java.util.Arrays.fill(data, (byte) 7);
    reused.clear();
    reused.put(new byte[300]);
    assertArrayEquals(original, concat(bucket.read("iso")));
  }

  @Test
  void aPutReplacesTheObjectAndItsSequence() {
    ObjectInfo first = put("k", bytes(1, 100));
    ObjectInfo second = put("k", bytes(2, 3 * CHUNK));
    assertTrue(second.sequence() > first.sequence());
    assertNotEquals(first.etag(), second.etag());
    assertArrayEquals(bytes(2, 3 * CHUNK), concat(bucket.read("k")));
    assertEquals(new BucketStats("test", 1, 3 * CHUNK, 0, 0), stats());
  }

  @Test
  void missingObjectsAreNotFoundOfKindObject() {
    notFound(bucket.head("nope"), NotFoundException.Kind.OBJECT);
    notFound(bucket.read("nope").then(), NotFoundException.Kind.OBJECT);
    notFound(bucket.read("nope", 0, 1).then(), NotFoundException.Kind.OBJECT);
    notFound(bucket.copy("nope", "b"), NotFoundException.Kind.OBJECT);
    notFound(bucket.move("nope", "b"), NotFoundException.Kind.OBJECT);
  }

  @Test
  void deleteSaysWhetherTheObjectExisted() {
    put("k", new byte[] {1, 2});
    assertTrue(bucket.delete("k").block());
    assertFalse(bucket.delete("k").block());
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
  }

  @Test
  void badKeysAreRefused() {
    String tooLong = "k".repeat(1025);
    error(bucket.put("", whole(new byte[1]), null), InvalidArgumentException.class);
    error(bucket.put(null, whole(new byte[1]), null), InvalidArgumentException.class);
    error(bucket.put(tooLong, whole(new byte[1]), null), InvalidArgumentException.class);
    error(bucket.put("k", null, null), InvalidArgumentException.class);
    error(bucket.head(""), InvalidArgumentException.class);
    error(bucket.read(null), InvalidArgumentException.class);
    error(bucket.copy("a", ""), InvalidArgumentException.class);
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
    put("k".repeat(1024), new byte[] {1});
    put("ключ/ü/🙂", new byte[] {2});
    assertArrayEquals(new byte[] {2}, concat(bucket.read("ключ/ü/🙂")));
  }

  /**
   * Regression: a key with a lone surrogate was stored under its UTF-8 encoding, where the
   * surrogate became '?', so "bad" + U+D800 + "key" and "bad?key" reached one object.
   */
  @Test
  void keysThatAreNotValidUtf16AreRefusedNotAliased() {
    put("bad?key", new byte[] {7});
    for (String lone : new String[] {"bad\uD800key", "bad\uDC00key", "end\uD83D"}) {
      error(bucket.put(lone, whole(new byte[] {1}), null), InvalidArgumentException.class);
      error(bucket.head(lone), InvalidArgumentException.class);
      error(bucket.read(lone), InvalidArgumentException.class);
      error(bucket.delete(lone), InvalidArgumentException.class);
      error(bucket.copy("bad?key", lone), InvalidArgumentException.class);
      error(bucket.copy(lone, "other"), InvalidArgumentException.class);
      error(bucket.deletePrefix(lone), InvalidArgumentException.class);
      error(bucket.startUpload(lone, null), InvalidArgumentException.class);
    }
    assertThrows(InvalidArgumentException.class, () -> ObjectOptions.contentType("a\uD800"));
    assertThrows(InvalidArgumentException.class,
        () -> ObjectOptions.defaults().withMetadata(Map.of("k", "v\uDC00")));
    assertArrayEquals(new byte[] {7}, concat(bucket.read("bad?key")));
    assertEquals(new BucketStats("test", 1, 1, 0, 0), stats());
  }

  @Test
  void aFailedContentStreamStoresNothing() {
    Flux<ByteBuffer> failing =
        pieces(bytes(6, 3 * CHUNK), 500).concatWith(Flux.error(new IllegalStateException("x")));
    assertThrows(IllegalStateException.class, () -> bucket.put("f", failing, null).block());
    notFound(bucket.head("f"), NotFoundException.Kind.OBJECT);
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
  }

  @Test
  void aCancelledUploadStreamStoresNothing() {
    put("f", bytes(1, 10));
    Sinks.Many<ByteBuffer> sink = Sinks.many().unicast().onBackpressureBuffer();
    StepVerifier.create(bucket.put("f", sink.asFlux(), null))
        .then(() -> sink.tryEmitNext(ByteBuffer.wrap(bytes(7, 3 * CHUNK))))
        .thenCancel()
        .verify();
    assertArrayEquals(bytes(1, 10), concat(bucket.read("f")));
    assertEquals(new BucketStats("test", 1, 10, 0, 0), stats());
  }

  @Test
  void aReadSeesTheObjectAsItWasWhenItStarted() {
    byte[] data = bytes(8, 4 * CHUNK);
    put("v", data);
    List<ByteBuffer> got = new ArrayList<>();
    StepVerifier.create(bucket.read("v"), 1)
        .consumeNextWith(got::add)
        .then(() -> {
          put("v", bytes(9, 4 * CHUNK));
          bucket.delete("v").block();
        })
        .thenRequest(10)
        .recordWith(() -> got)
        .expectNextCount(3)
        .verifyComplete();
    assertArrayEquals(data, concat(Flux.fromIterable(got)));
  }

  // ------------------------------------------------------------------------- copy and move

  @Test
  void copiesShareContentAndOutliveTheSource() {
    byte[] data = bytes(10, 3 * CHUNK + 1);
    ObjectInfo source = bucket.put("src", whole(data),
        ObjectOptions.contentType("text/plain").withMetadata(Map.of("a", "b"))).block();
    clock.addAndGet(10);
    ObjectInfo copy = bucket.copy("src", "dst").block();
    assertEquals("dst", copy.key());
    assertEquals(source.etag(), copy.etag());
    assertEquals(source.contentType(), copy.contentType());
    assertEquals(source.metadata(), copy.metadata());
    assertEquals(source.created().plusMillis(10), copy.created());
    assertEquals(new BucketStats("test", 2, 2L * data.length, 0, 0), stats());
    bucket.delete("src").block();
    assertArrayEquals(data, concat(bucket.read("dst")));
    bucket.copy("dst", "dst2").block();
    bucket.copy("dst2", "dst").block();
    bucket.delete("dst").block();
    assertArrayEquals(data, concat(bucket.read("dst2", 0, Long.MAX_VALUE)));
    bucket.delete("dst2").block();
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
  }

  @Test
  void copyOntoItselfKeepsTheContent() {
    byte[] data = bytes(11, 2 * CHUNK);
    put("self", data);
    bucket.copy("self", "self").block();
    assertArrayEquals(data, concat(bucket.read("self")));
    assertEquals(new BucketStats("test", 1, data.length, 0, 0), stats());
  }

  @Test
  void moveRenamesOneObject() {
    byte[] data = bytes(12, CHUNK + 1);
    put("a", data);
    put("b", bytes(13, 10));
    ObjectInfo moved = bucket.move("a", "b").block();
    assertEquals("b", moved.key());
    notFound(bucket.head("a"), NotFoundException.Kind.OBJECT);
    assertArrayEquals(data, concat(bucket.read("b")));
    assertEquals(new BucketStats("test", 1, data.length, 0, 0), stats());
    assertEquals(moved, bucket.move("b", "b").block());
  }

  @Test
  void movePrefixRenamesADirectoryAtOnce() {
    for (int i = 0; i < 20; i++) {
      put("from/" + i, bytes(i, 100 + i));
    }
    put("to/3", bytes(99, 7));
    put("fromage", bytes(98, 5));
    assertEquals(20L, bucket.movePrefix("from/", "to/").block());
    assertEquals(0, bucket.objects("from/").count().block());
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(bytes(i, 100 + i), concat(bucket.read("to/" + i)));
    }
    assertArrayEquals(bytes(98, 5), concat(bucket.read("fromage")));
    long total = 5;
    for (int i = 0; i < 20; i++) {
      total += 100 + i;
    }
    assertEquals(new BucketStats("test", 21, total, 0, 0), stats());
    assertEquals(0L, bucket.movePrefix("nothing/", "else/").block());
  }

  @Test
  void movePrefixRefusesOverlappingPrefixes() {
    put("a/1", new byte[] {1});
    String before = digest();
    error(bucket.movePrefix("a/", "a/b/"), InvalidArgumentException.class);
    error(bucket.movePrefix("a/b/", "a/"), InvalidArgumentException.class);
    error(bucket.movePrefix("a/", "a/"), InvalidArgumentException.class);
    error(bucket.movePrefix("", "x/"), InvalidArgumentException.class);
    assertEquals(before, digest());
  }

  @Test
  void deletePrefixDeletesRecursively() {
    put("d/1", bytes(1, 10));
    put("d/e/2", bytes(2, 20));
    put("d/e/f/3", bytes(3, 2 * CHUNK));
    put("dz", bytes(4, 40));
    bucket.copy("d/1", "keep").block();
    assertEquals(3L, bucket.deletePrefix("d/").block());
    assertEquals(List.of("dz", "keep"),
        bucket.objects("").map(ObjectInfo::key).collectList().block());
    assertArrayEquals(bytes(1, 10), concat(bucket.read("keep")));
    assertEquals(new BucketStats("test", 2, 50, 0, 0), stats());
    assertEquals(0L, bucket.deletePrefix("d/").block());
    assertEquals(2L, bucket.deletePrefix("").block());
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
  }

  // ------------------------------------------------------------------------------- listing

  @Test
  void listRollsKeysUpIntoCommonPrefixes() {
    for (String k : new String[] {"a.txt", "docs/1", "docs/2", "docs/sub/3", "img/x", "z"}) {
      put(k, new byte[] {1});
    }
    Listing top = bucket.list("", "/", null, 100).block();
    assertEquals(List.of("a.txt", "z"), keys(top));
    assertEquals(List.of("docs/", "img/"), top.commonPrefixes());
    assertFalse(top.truncated());
    Listing docs = bucket.list("docs/", "/", null, 100).block();
    assertEquals(List.of("docs/1", "docs/2"), keys(docs));
    assertEquals(List.of("docs/sub/"), docs.commonPrefixes());
    Listing flat = bucket.list("docs/", null, null, 100).block();
    assertEquals(List.of("docs/1", "docs/2", "docs/sub/3"), keys(flat));
    assertEquals(List.of(), flat.commonPrefixes());
    assertEquals(List.of("docs/2", "docs/sub/3"),
        keys(bucket.list("docs/", "", "docs/1", 100).block()));
  }

  @Test
  void listPagesThroughEverythingOnce() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String k = (i % 3 == 0 ? "dir" + i + "/" : "f") + String.format("%02d", i);
      put(k, new byte[] {1});
      put(k + "/deeper", new byte[] {1});
    }
    List<String> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Listing page = bucket.list("", "/", after, 7).block();
      assertTrue(page.objects().size() + page.commonPrefixes().size() <= 7);
      page.objects().forEach(o -> all.add(o.key()));
      all.addAll(page.commonPrefixes());
      after = page.nextStartAfter();
      pages++;
      assertEquals(page.truncated(), after != null);
    } while (after != null && pages < 100);
    Listing once = bucket.list("", "/", null, 1000).block();
    once.objects().forEach(o -> expected.add(o.key()));
    expected.addAll(once.commonPrefixes());
    all.sort(null);
    expected.sort(null);
    assertEquals(expected, all);
    assertEquals(50, expected.size()); // 20 files, 10 dirN/ and 20 fNN/ prefixes
  }

  @Test
  void listRefusesABadLimit() {
    error(bucket.list("", "/", null, 0), InvalidArgumentException.class);
    error(bucket.list("", "/", null, -1), InvalidArgumentException.class);
  }

  private static List<String> keys(Listing l) {
    return l.objects().stream().map(ObjectInfo::key).toList();
  }

  // ----------------------------------------------------------------------------- multipart

  @Test
  void multipartUploadsMakeOneObjectWithTheS3Etag() {
    clock.set(START + 7);
    Upload u = bucket.startUpload("mp", ObjectOptions.contentType("video/mp4")
        .withMetadata(Map.of("k", "v"))).block();
    assertEquals("mp", u.key());
    byte[] p1 = bytes(21, 2 * CHUNK + 100);
    byte[] p2 = bytes(22, 17);
    byte[] p3 = bytes(23, CHUNK);
    PartInfo i2 = bucket.uploadPart(u, 2, pieces(p2, 3)).block();
    PartInfo i1 = bucket.uploadPart(u, 1, pieces(p1, 333)).block();
    PartInfo i3 = bucket.uploadPart(u, 3, whole(p3)).block();
    assertEquals(md5Hex(p1), i1.etag());
    assertEquals(p1.length, i1.size());
    assertEquals(List.of(1, 2, 3),
        bucket.listParts(u).map(PartInfo::partNumber).collectList().block());
    assertEquals(new BucketStats("test", 0, 0, 1, p1.length + p2.length + p3.length), stats());

    ObjectInfo info = bucket.completeUpload(u, List.of(i1, PartInfo.of(2, '"' + i2.etag() + '"'),
        PartInfo.of(3, i3.etag().toUpperCase()))).block();
    byte[] all = concat(Flux.just(ByteBuffer.wrap(p1), ByteBuffer.wrap(p2), ByteBuffer.wrap(p3)));
    byte[] md5s = concat(Flux.just(md5(p1), md5(p2), md5(p3)).map(ByteBuffer::wrap));
    assertEquals(md5Hex(md5s) + "-3", info.etag());
    assertTrue(info.isMultipart());
    assertEquals(all.length, info.size());
    assertEquals(crc32c(all), info.crc32c());
    assertEquals("video/mp4", info.contentType());
    assertEquals(Map.of("k", "v"), info.metadata());
    assertArrayEquals(all, concat(bucket.read("mp")));
    for (int offset = 0; offset < all.length; offset += 301) {
      assertArrayEquals(java.util.Arrays.copyOfRange(all, offset, Math.min(all.length,
          offset + 1500)), concat(bucket.read("mp", offset, 1500)), "offset " + offset);
    }
    assertEquals(new BucketStats("test", 1, all.length, 0, 0), stats());
    assertEquals(0, bucket.listUploads().count().block());
  }

  private static byte[] md5(byte[] data) {
    return HexFormat.of().parseHex(md5Hex(data));
  }

  @Test
  void reuploadingAPartReplacesIt() {
    Upload u = bucket.startUpload("mp", null).block();
    bucket.uploadPart(u, 1, whole(bytes(1, 3 * CHUNK))).block();
    PartInfo again = bucket.uploadPart(u, 1, whole(bytes(2, 50))).block();
    List<PartInfo> parts = bucket.listParts(u).collectList().block();
    assertEquals(1, parts.size());
    assertEquals(again.etag(), parts.get(0).etag());
    assertEquals(new BucketStats("test", 0, 0, 1, 50), stats());
    bucket.completeUpload(u, List.of(again)).block();
    assertArrayEquals(bytes(2, 50), concat(bucket.read("mp")));
  }

  @Test
  void partNumbersOutsideOneToTenThousandAreRefused() {
    Upload u = bucket.startUpload("mp", null).block();
    error(bucket.uploadPart(u, 0, whole(new byte[1])), InvalidArgumentException.class);
    error(bucket.uploadPart(u, 10_001, whole(new byte[1])), InvalidArgumentException.class);
    error(bucket.uploadPart(u, -1, whole(new byte[1])), InvalidArgumentException.class);
    bucket.uploadPart(u, 10_000, whole(new byte[1])).block();
    assertEquals(1, bucket.listParts(u).count().block());
  }

  @Test
  void badCompletionsAreTypedErrorsAndChangeNothing() {
    put("mp", bytes(30, 5));
    Upload u = bucket.startUpload("mp", null).block();
    PartInfo p1 = bucket.uploadPart(u, 1, whole(bytes(31, 100))).block();
    PartInfo p2 = bucket.uploadPart(u, 2, whole(bytes(32, 100))).block();
    PartInfo p3 = bucket.uploadPart(u, 3, whole(bytes(33, 100))).block();
    String before = digest();
    error(bucket.completeUpload(u, List.of()), InvalidArgumentException.class);
    error(bucket.completeUpload(u, null), InvalidArgumentException.class);
    error(bucket.completeUpload(u, List.of(p2, p1)), InvalidPartOrderException.class);
    error(bucket.completeUpload(u, List.of(p1, p3, p2)), InvalidPartOrderException.class);
    error(bucket.completeUpload(u, List.of(p1, p1)), InvalidPartOrderException.class);
    error(bucket.completeUpload(u, List.of(p1, PartInfo.of(4, p3.etag()))),
        InvalidPartException.class);
    error(bucket.completeUpload(u, List.of(p1, PartInfo.of(2, p3.etag()))),
        InvalidPartException.class);
    error(bucket.completeUpload(u, List.of(PartInfo.of(0, p1.etag()))),
        InvalidArgumentException.class);
    error(bucket.completeUpload(u, List.of(PartInfo.of(10_001, p1.etag()))),
        InvalidArgumentException.class);
    assertEquals(before, digest());
    assertArrayEquals(bytes(30, 5), concat(bucket.read("mp")));
    assertEquals(3, bucket.listParts(u).count().block());
    // Parts may be skipped: those not named are freed.
    ObjectInfo done = bucket.completeUpload(u, List.of(p1, p3)).block();
    assertEquals(200, done.size());
    assertArrayEquals(concat(Flux.just(ByteBuffer.wrap(bytes(31, 100)),
        ByteBuffer.wrap(bytes(33, 100)))), concat(bucket.read("mp")));
    assertEquals(new BucketStats("test", 1, 200, 0, 0), stats());
  }

  @Test
  void unknownCompletedAndAbortedUploadsAreNotFoundOfKindUpload() {
    NotFoundException.Kind kind = NotFoundException.Kind.UPLOAD;
    Upload forged = new Upload("test", "k", "0123456789abcdef0123456789abcdef", null);
    Upload garbage = new Upload("test", "k", "../m/k", null);
    for (Upload u : List.of(forged, garbage)) {
      notFound(bucket.uploadPart(u, 1, whole(new byte[1])), kind);
      notFound(bucket.listParts(u).then(), kind);
      notFound(bucket.completeUpload(u, List.of(PartInfo.of(1, "00"))), kind);
      notFound(bucket.abortUpload(u), kind);
    }
    Upload done = bucket.startUpload("k", null).block();
    PartInfo p = bucket.uploadPart(done, 1, whole(new byte[] {1})).block();
    bucket.completeUpload(done, List.of(p)).block();
    notFound(bucket.uploadPart(done, 2, whole(new byte[1])), kind);
    notFound(bucket.completeUpload(done, List.of(p)), kind);
    notFound(bucket.abortUpload(done), kind);
    Upload aborted = bucket.startUpload("k", null).block();
    bucket.abortUpload(aborted).block();
    notFound(bucket.uploadPart(aborted, 1, whole(new byte[1])), kind);
    notFound(bucket.listParts(aborted).then(), kind);
    notFound(bucket.completeUpload(aborted, List.of(p)), kind);
    Upload other = store.createBucket("other").then(store.bucket("other").startUpload("k", null))
        .block();
    notFound(bucket.listParts(other).then(), kind);
    assertArrayEquals(new byte[] {1}, concat(bucket.read("k")));
  }

  @Test
  void abortFreesTheParts() {
    Upload u = bucket.startUpload("mp", null).block();
    bucket.uploadPart(u, 1, whole(bytes(1, 2 * CHUNK))).block();
    bucket.uploadPart(u, 2, whole(bytes(2, CHUNK))).block();
    assertEquals(new BucketStats("test", 0, 0, 1, 3 * CHUNK), stats());
    bucket.abortUpload(u).block();
    assertEquals(new BucketStats("test", 0, 0, 0, 0), stats());
    assertEquals(0, bucket.listUploads().count().block());
    notFound(bucket.head("mp"), NotFoundException.Kind.OBJECT);
  }

  @Test
  void listUploadsShowsOpenUploadsByKey() {
    Upload b = bucket.startUpload("b", null).block();
    clock.addAndGet(1);
    Upload a2 = bucket.startUpload("a", null).block();
    clock.addAndGet(1);
    Upload a3 = bucket.startUpload("a", null).block();
    assertEquals(List.of(a2, a3, b), bucket.listUploads().collectList().block());
    assertNotEquals(a2.uploadId(), a3.uploadId());
  }

  @Test
  void uploadsLeftOpenExpire() {
    Upload old = bucket.startUpload("old", null).block();
    bucket.uploadPart(old, 1, whole(bytes(1, 2 * CHUNK))).block();
    clock.addAndGet(EXPIRY.toMillis() / 2);
    Upload young = bucket.startUpload("young", null).block();
    bucket.uploadPart(young, 1, whole(bytes(2, 10))).block();
    assertEquals(new BucketStats("test", 0, 0, 2, 2 * CHUNK + 10), stats());
    clock.addAndGet(EXPIRY.toMillis() / 2);
    notFound(bucket.uploadPart(old, 2, whole(new byte[1])), NotFoundException.Kind.UPLOAD);
    assertEquals(List.of(young), bucket.listUploads().collectList().block());
    assertEquals(new BucketStats("test", 0, 0, 1, 10), stats());
    clock.addAndGet(EXPIRY.toMillis());
    assertEquals(1L, store.expireUploads().block());
    assertEquals(new BucketStats("test", 0, 0, 0, 0), store.stats().blockLast());
    store.deleteBucket("test").block();
  }

  @Test
  void aCancelledPartStoresNothing() {
    Upload u = bucket.startUpload("mp", null).block();
    Sinks.Many<ByteBuffer> sink = Sinks.many().unicast().onBackpressureBuffer();
    StepVerifier.create(bucket.uploadPart(u, 1, sink.asFlux()))
        .then(() -> sink.tryEmitNext(ByteBuffer.wrap(bytes(1, 2 * CHUNK))))
        .thenCancel()
        .verify();
    assertEquals(0, bucket.listParts(u).count().block());
    assertEquals(new BucketStats("test", 0, 0, 1, 0), stats());
  }

  @Test
  void completionIsAtomicForReaders() {
    Upload u = bucket.startUpload("mp", null).block();
    List<PartInfo> parts = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      parts.add(bucket.uploadPart(u, i, whole(bytes(i, 100))).block());
    }
    Mono<ObjectInfo> complete = bucket.completeUpload(u, parts);
    notFound(bucket.head("mp"), NotFoundException.Kind.OBJECT);
    assertEquals(2000, complete.block().size());
    assertEquals(2000, concat(bucket.read("mp")).length);
  }

  // ---------------------------------------------------------------- memory and concurrency

  /**
   * The budget refuses chunks like any value; the failed put leaves no object. Space its
   * chunks took is reclaimed by compaction, not at once, so each case gets a fresh store.
   */
  @Test
  void theMemoryBudgetAppliesToObjects() {
    ObjectStore small = open(256 * 1024);
    small.createBucket("bbb").block();
    Bucket b = small.bucket("bbb");
    b.put("fits", whole(bytes(3, 1000)), null).block();
    error(b.put("huge", whole(bytes(1, 1024 * 1024)), null), StoreFullException.class);
    notFound(b.head("huge"), NotFoundException.Kind.OBJECT);
    assertEquals(new BucketStats("bbb", 1, 1000, 0, 0), b.stats().block());
    assertArrayEquals(bytes(3, 1000), concat(b.read("fits")));
    assertTrue(b.delete("fits").block());

    ObjectStore other = open(256 * 1024);
    other.createBucket("ccc").block();
    Bucket c = other.bucket("ccc");
    Upload u = c.startUpload("mp", null).block();
    error(c.uploadPart(u, 1, whole(bytes(2, 1024 * 1024))), StoreFullException.class);
    assertEquals(0, c.listParts(u).count().block());
    assertEquals(new BucketStats("ccc", 0, 0, 1, 0), c.stats().block());
    c.abortUpload(u).block();
  }

  @Test
  void concurrentChangesKeepContentsAndCountersExact() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    List<Mono<?>> ops = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String k = "k" + r.nextInt(5);
      String k2 = "k" + r.nextInt(5);
      int size = r.nextInt(3 * CHUNK);
      switch (r.nextInt(4)) {
        case 0 -> ops.add(bucket.put(k, pieces(bytes(size, size), 700), null));
        case 1 -> ops.add(bucket.copy(k, k2).onErrorResume(NotFoundException.class,
            e -> Mono.empty()));
        case 2 -> ops.add(bucket.move(k, k2).onErrorResume(NotFoundException.class,
            e -> Mono.empty()));
        default -> ops.add(bucket.delete(k));
      }
    }
    Flux.fromIterable(ops)
        .flatMap(m -> m.subscribeOn(reactor.core.scheduler.Schedulers.parallel()), 16)
        .blockLast();
    long count = 0;
    long bytes = 0;
    for (ObjectInfo o : bucket.objects("").collectList().block()) {
      byte[] content = concat(bucket.read(o.key()));
      assertEquals(o.size(), content.length, "seed=" + seed);
      assertContentEtag(content, o.etag(), "seed=" + seed);
      assertArrayEquals(bytes(o.size(), (int) o.size()), content, "seed=" + seed);
      count++;
      bytes += o.size();
    }
    assertEquals(new BucketStats("test", count, bytes, 0, 0), stats(), "seed=" + seed);
  }
}
