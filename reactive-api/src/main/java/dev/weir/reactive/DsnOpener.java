package dev.weir.reactive;

import dev.weir.engine.ByteSize;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.EtagAlgorithm;
import dev.weir.reactive.object.ObjectConfig;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.engine.wal.SyncPolicy;
import java.net.URLDecoder;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Opens a {@link WeirStore} from a DSN, {@code mem://[name][?option=value&...]} as in the
 * storage-driver reference. Options: {@code bucket} (created if absent); {@code chunkSize}, a
 * size from 1 B to the largest value (64 MiB); {@code uploadExpiry}, an ISO-8601 duration such
 * as {@code PT24H}, positive; {@code etag}, {@code version} (the default), {@code metrohash128}
 * or {@code md5} (see {@link EtagAlgorithm}); {@code maxMemoryBytes}, a size from the memtable's
 * (8 MiB) up, or {@code unlimited}, by default half the max heap. Sizes are a number of bytes
 * with an optional binary unit ({@code 65536}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB}).
 * An unknown scheme or option, or a bad or out-of-range value, is an {@link
 * InvalidArgumentException} naming it; nothing wraps or is clamped silently.
 */
final class DsnOpener {

  private static final String SCHEME = "mem://";
  private static final String FILE_SCHEME = "file://";

  private DsnOpener() {}

  static Mono<WeirStore> open(String dsn) {
    return open(dsn, engine -> {});
  }

  /** As {@link #open(String)}; {@code settings} then adds to the engine's configuration. */
  static Mono<WeirStore> open(String dsn, Consumer<EngineConfig.Builder> settings) {
    Objects.requireNonNull(settings, "settings");
    return Mono.defer(
        () -> {
          boolean durable = dsn != null && dsn.startsWith(FILE_SCHEME);
          Map<String, String> options = parse(dsn);
          String name = options.remove("");
          EngineConfig.Builder engine = EngineConfig.builder();
          if (durable) {
            Path dir = directory(dsn, name);
            engine.directory(dir).name(dir.getFileName() == null ? "weir" : dir.getFileName()
                .toString());
          } else {
            engine.name(name.isEmpty() ? "weir" : name);
          }
          ObjectConfig objects = ObjectConfig.defaults();
          String bucket = options.remove("bucket");
          for (Map.Entry<String, String> o : options.entrySet()) {
            String v = o.getValue();
            switch (o.getKey()) {
              case "chunkSize" -> objects = objects.withChunkSize(
                  (int) ByteSize.parse(o.getKey(), v, 1, EngineConfig.DEFAULT_MAX_VALUE_SIZE));
              case "uploadExpiry" -> objects = objects.withUploadExpiry(duration(o.getKey(), v));
              case "etag" -> objects = objects.withEtagAlgorithm(EtagAlgorithm.of(v));
              case "maxMemoryBytes" -> engine.maxMemoryBytes(
                  v.equals("unlimited") ? Long.MAX_VALUE : ByteSize.parse(o.getKey(), v));
              case "sync" -> engine.syncPolicy(syncPolicy(v, durable, dsn));
              case "salvage" -> engine.salvage(flag(o.getKey(), v, durable, dsn));
              default -> throw new InvalidArgumentException(
                  "unknown option '" + o.getKey() + "' in DSN " + dsn
                      + " (known: bucket, chunkSize, uploadExpiry, etag, maxMemoryBytes"
                      + (durable ? ", sync, salvage)" : ")"));
            }
          }
          settings.accept(engine);
          EngineConfig config = engine.build();
          ObjectConfig objectConfig = objects.withClock(config.clock());
          return Weir.open(config)
              .flatMap(kv -> withBucket(kv, ObjectStore.over(kv, objectConfig), bucket));
        });
  }

  private static Mono<WeirStore> withBucket(ReactiveStore kv, ObjectStore store, String bucket) {
    Handle handle = new Handle(kv, store, bucket == null ? null : store.bucket(bucket));
    if (bucket == null) {
      return Mono.just(handle);
    }
    return store.createBucket(bucket)
        .<WeirStore>thenReturn(handle)
        .onErrorResume(e -> kv.close().then(Mono.error(e)));
  }

  /** The directory of {@code file:///abs/path}. */
  private static Path directory(String dsn, String path) {
    if (path.isEmpty()) {
      throw new InvalidArgumentException("a file DSN needs a directory: file:///path/to/dir, was "
          + dsn);
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new InvalidArgumentException("bad directory '" + path + "' in DSN " + dsn);
    }
  }

  /** {@code always}, {@code none}, or an ISO-8601 interval such as {@code PT1S}. */
  private static SyncPolicy syncPolicy(String v, boolean durable, String dsn) {
    durableOnly("sync", durable, dsn);
    return SyncPolicy.parse(v);
  }

  private static boolean flag(String option, String v, boolean durable, String dsn) {
    durableOnly(option, durable, dsn);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidArgumentException(
          option + " must be true or false, was '" + v + "'");
    };
  }

  private static void durableOnly(String option, boolean durable, String dsn) {
    if (!durable) {
      throw new InvalidArgumentException(
          "option '" + option + "' needs a durable store (file://), in DSN " + dsn);
    }
  }

  /** Options by name; the store name under the empty name. */
  private static Map<String, String> parse(String dsn) {
    if (dsn == null) {
      throw new InvalidArgumentException("dsn must not be null");
    }
    String prefix = dsn.startsWith(SCHEME) ? SCHEME : dsn.startsWith(FILE_SCHEME) ? FILE_SCHEME
        : null;
    if (prefix == null) {
      int colon = dsn.indexOf(':');
      String scheme = colon < 0 ? dsn : dsn.substring(0, colon);
      throw new InvalidArgumentException(
          "unknown scheme '" + scheme + "' in DSN " + dsn + " (supported: mem, file)");
    }
    String rest = dsn.substring(prefix.length());
    int q = rest.indexOf('?');
    Map<String, String> options = new LinkedHashMap<>();
    options.put("", decode(q < 0 ? rest : rest.substring(0, q)));
    if (q >= 0 && q + 1 < rest.length()) {
      for (String pair : rest.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (key.isEmpty() || options.put(key, decode(eq < 0 ? "" : pair.substring(eq + 1)))
            != null) {
          throw new InvalidArgumentException("empty or repeated option '" + key + "' in " + dsn);
        }
      }
    }
    return options;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Duration duration(String option, String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidArgumentException(
          option + " must be an ISO-8601 duration such as PT24H, was '" + value + "'");
    }
  }

  private record Handle(ReactiveStore kv, ObjectStore objects, Bucket defaultBucket)
      implements WeirStore {

    @Override
    public Mono<Void> close() {
      return kv.close();
    }
  }
}
