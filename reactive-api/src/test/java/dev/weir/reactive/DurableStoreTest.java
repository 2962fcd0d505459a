package dev.weir.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.StoreLockedException;
import dev.weir.reactive.object.ObjectOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A durable store through the reactive API: opened off the caller's thread, written from
 * threads BlockHound treats as event loops (Reactor's parallel threads) with no blocking error,
 * and found again after a reopen, objects included.
 */
class DurableStoreTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static Bytes b(String s) {
    return Bytes.utf8(s);
  }

  private EngineConfig config() {
    return EngineConfig.builder().directory(dir).build();
  }

  @Test
  void durablePutsFromNonBlockingThreadsRaiseNoBlockHoundErrorAndSurviveAReopen() {
    ReactiveStore store =
        Weir.open(config()).subscribeOn(Schedulers.parallel()).block(WAIT); // open hops off
    Flux.range(0, 2000)
        .flatMap(i -> store.put(b("k" + i), b("v" + i)).subscribeOn(Schedulers.parallel()), 256)
        .then(store.close().subscribeOn(Schedulers.parallel()))
        .block(WAIT);

    ReactiveStore again = Weir.open(config()).block(WAIT);
    assertEquals(2000L, again.scan(Bytes.EMPTY).count().block(WAIT));
    assertEquals("v1999", again.get(b("k1999")).map(Bytes::asUtf8).block(WAIT));
    again.close().block(WAIT);
  }

  @Test
  void theCanaryIsRealAnFsyncOnTheCallersNonBlockingThreadIsCaught() throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve("probe"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1}));
      Throwable e = assertThrows(Throwable.class, () -> Mono.fromCallable(() -> {
        ch.force(false); // what the store would do if it synced on its caller's thread
        return true;
      }).subscribeOn(Schedulers.parallel()).block(WAIT));
      Throwable cause = e;
      while (cause != null && !(cause instanceof BlockingOperationError)) {
        cause = cause.getCause();
      }
      assertInstanceOf(BlockingOperationError.class, cause, "BlockHound missed an fsync");
    }
  }

  @Test
  void aFileDsnKeepsObjectsAndKeysAcrossAReopen() {
    String dsn = dir.toUri() + "?bucket=photos&sync=always";
    assertTrue(dsn.startsWith("file:///"), dsn);
    WeirStore store = Weir.open(dsn).block(WAIT);
    store.defaultBucket()
        .put("cat.jpg", Flux.just(ByteBuffer.wrap("meow".getBytes(StandardCharsets.UTF_8))),
            ObjectOptions.defaults())
        .block(WAIT);
    store.kv().put(b("k"), b("v")).block(WAIT);
    store.close().block(WAIT);

    WeirStore again = Weir.open(dsn).block(WAIT);
    String content = again.defaultBucket().read("cat.jpg")
        .map(bb -> StandardCharsets.UTF_8.decode(bb).toString())
        .reduce(String::concat).block(WAIT);
    assertEquals("meow", content);
    assertEquals("v", again.kv().get(b("k")).map(Bytes::asUtf8).block(WAIT));
    again.close().block(WAIT);
  }

  @Test
  void aSecondOpenIsRefusedWithATypedError() {
    ReactiveStore store = Weir.open(config()).block(WAIT);
    assertThrows(StoreLockedException.class, () -> Weir.open(config()).block(WAIT));
    store.close().block(WAIT);
    Weir.open(config()).flatMap(ReactiveStore::close).block(WAIT); // released on close
  }

  @Test
  void badDurableOptionsAreRefusedByName() {
    assertThrows(InvalidArgumentException.class,
        () -> Weir.inMemory(config()), "inMemory must not read files on the caller's thread");
    InvalidArgumentException sync = assertThrows(InvalidArgumentException.class,
        () -> Weir.open(dir.toUri() + "?sync=sometimes").block(WAIT));
    assertTrue(sync.getMessage().contains("sync"), sync.getMessage());
    InvalidArgumentException memSync = assertThrows(InvalidArgumentException.class,
        () -> Weir.open("mem://x?sync=always").block(WAIT));
    assertTrue(memSync.getMessage().contains("durable"), memSync.getMessage());
  }
}
