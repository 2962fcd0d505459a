package dev.weir.reactive.object;

import dev.weir.engine.Bytes;
import dev.weir.engine.Entry;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.KeyRange;
import dev.weir.reactive.StoreSnapshot;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists a bucket as S3's {@code ListObjectsV2} does, at one snapshot. Keys under a common
 * prefix are not walked one by one: after rolling one up, the listing seeks past the whole
 * prefix with a new scan, so a "directory" of a million keys costs one seek.
 */
final class Lister {

  static final int MAX_LIMIT = 1000;

  private final ObjectContext ctx;
  private final String bucket;

  Lister(ObjectContext ctx, String bucket) {
    this.ctx = ctx;
    this.bucket = bucket;
  }

  Mono<Listing> list(String prefix, String delimiter, String startAfter, int limit) {
    return Mono.defer(
        () -> {
          String p = Names.prefix("prefix", prefix);
          String d = delimiter == null ? "" : delimiter;
          if (limit < 1) {
            throw new InvalidArgumentException("limit must be at least 1, was " + limit);
          }
          Page page = new Page(p, d, Math.min(limit, MAX_LIMIT));
          Bytes from = page.start(startAfter == null ? null : Names.key("startAfter", startAfter));
          return Mono.usingWhen(
              ctx.kv.snapshot(),
              snap ->
                  snap.get(Keys.bucketRecord(bucket))
                      .switchIfEmpty(Mono.error(() -> ObjectContext.noBucket(bucket)))
                      .then(Mono.just(from).expand(f -> page.step(snap, f)).then())
                      .then(Mono.fromCallable(page::listing)),
              StoreSnapshot::close);
        });
  }

  Flux<ObjectInfo> objects(String prefix) {
    return Flux.defer(
        () -> {
          String p = Names.prefix("prefix", prefix);
          return ctx.bucket(bucket)
              .thenMany(ctx.kv.scan(Keys.meta(bucket, p)))
              .map(this::info);
        });
  }

  private ObjectInfo info(Entry e) {
    return ObjectMeta.decode(e.value()).info(Keys.objectKey(bucket, e.key()), e.sequence());
  }

  /** The state of one listing; touched by one scan at a time. */
  private final class Page {
    private final String prefix;
    private final String delimiter;
    private final int limit;
    private final Bytes end;
    private final List<ObjectInfo> objects = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private boolean truncated;
    private String last;
    private Bytes seekTo;

    Page(String prefix, String delimiter, int limit) {
      this.prefix = prefix;
      this.delimiter = delimiter;
      this.limit = limit;
      this.end = Keys.prefixEnd(Keys.meta(bucket, prefix));
    }

    /**
     * The first key to scan. A {@code startAfter} that is itself a common prefix skips every
     * key under it (S3's marker rule), so {@code nextStartAfter} pages never repeat one.
     */
    Bytes start(String startAfter) {
      Bytes first = Keys.meta(bucket, prefix);
      if (startAfter == null) {
        return first;
      }
      Bytes after = Keys.meta(bucket, startAfter);
      if (!delimiter.isEmpty() && startAfter.startsWith(prefix)
          && startAfter.endsWith(delimiter)
          && startAfter.indexOf(delimiter, prefix.length()) == startAfter.length()
              - delimiter.length()) {
        after = Keys.prefixEnd(after);
      } else {
        after = after.concat(Bytes.wrap(new byte[] {0}));
      }
      return after.compareTo(first) > 0 ? after : first;
    }

    /** Scans from {@code from}; emits where to seek next, or nothing when the page is done. */
    Mono<Bytes> step(StoreSnapshot snap, Bytes from) {
      if (truncated || (end != null && from.compareTo(end) >= 0)) {
        return Mono.empty();
      }
      seekTo = null;
      return snap.scan(KeyRange.of(from, end))
          .takeWhile(this::accept)
          .then(Mono.fromSupplier(() -> seekTo));
    }

    /** Takes one entry; false stops the scan (page full, or a seek past a common prefix). */
    private boolean accept(Entry e) {
      String key = Keys.objectKey(bucket, e.key());
      int at = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
      if (objects.size() + prefixes.size() == limit) {
        truncated = true;
        return false;
      }
      if (at < 0) {
        objects.add(info(e));
        last = key;
        return true;
      }
      String common = key.substring(0, at + delimiter.length());
      prefixes.add(common);
      last = common;
      seekTo = Keys.prefixEnd(Keys.meta(bucket, common));
      return false;
    }

    Listing listing() {
      return new Listing(objects, prefixes, truncated, truncated ? last : null);
    }
  }
}
