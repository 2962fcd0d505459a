package dev.weir.cli;

import dev.weir.engine.NotFoundException;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.object.Listing;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object commands, on the store's object view ({@link Session#objects()}): buckets (mb,
 * rb, ls, du) and objects addressed as {@code bucket/key} (head, cp, mv, rm; upload and cat
 * are in {@link TransferCommands}). Each makes one or a few object-store calls and waits for
 * them through {@link Await}; the store's typed errors (a missing bucket or object) reach the
 * shell as they are.
 */
final class ObjectCommands {

  static final String LS_USAGE = "ls [bucket[/prefix]] [--recursive]";
  static final String RM_USAGE = "rm [-r] <bucket>/<key or prefix>";

  /** The most a listing page may hold (S3's ListObjectsV2 limit). */
  private static final int PAGE = 1000;

  private ObjectCommands() {}

  static void addTo(CommandTable table) {
    table
        .add(Command.of("mb <bucket>", "make a bucket", 1, 1, ObjectCommands::makeBucket))
        .add(Command.of("rb <bucket>", "remove an empty bucket", 1, 1,
            ObjectCommands::removeBucket))
        .add(Command.of(LS_USAGE,
            "list buckets, or a bucket's objects and prefixes (\"/\" is the delimiter)", 0, 2,
            ObjectCommands::list));
    TransferCommands.addTo(table);
    table
        .add(Command.of("head <bucket>/<key>", "show an object's size, type, ETag, ...", 1, 1,
            ObjectCommands::head))
        .add(Command.of("cp <bucket>/<key> <bucket>/<key>", "copy an object", 2, 2,
            ObjectCommands::copy))
        .add(Command.of("mv <bucket>/<key or prefix/> <bucket>/<key or prefix/>",
            "rename an object, or every object under a prefix, atomically", 2, 2,
            ObjectCommands::move))
        .add(Command.of(RM_USAGE, "delete an object; -r: every object under a prefix", 1, 2,
            ObjectCommands::remove))
        .add(Command.of("du <bucket>", "count a bucket's objects and bytes", 1, 1,
            ObjectCommands::usage));
  }

  private static Result makeBucket(Session s, Args a) {
    String name = a.token(0).text();
    Await.value(s.objects().createBucket(name));
    return Result.ok("made bucket " + name);
  }

  private static Result removeBucket(Session s, Args a) {
    String name = a.token(0).text();
    Await.value(s.objects().deleteBucket(name));
    return Result.ok("removed bucket " + name);
  }

  private static Result list(Session s, Args a) {
    Args.Options o = a.options(LS_USAGE, Set.of("--recursive"), Set.of());
    if (o.positional().size() > 1) {
      throw new ShellException("usage: " + LS_USAGE);
    }
    if (o.positional().size() == 0) {
      if (o.has("--recursive")) {
        throw new ShellException("ls --recursive lists one bucket: usage: " + LS_USAGE);
      }
      return buckets(s);
    }
    ObjectPath path = ObjectPath.parse(o.positional().token(0));
    String delimiter = o.has("--recursive") ? null : "/";
    Bucket bucket = s.objects().bucket(path.bucket());
    List<String> prefixes = new ArrayList<>();
    List<ObjectInfo> objects = new ArrayList<>();
    String after = null;
    do { // one page at a time, so a big bucket never has to fit one reply
      Listing page = Await.value(bucket.list(path.key(), delimiter, after, PAGE));
      prefixes.addAll(page.commonPrefixes());
      objects.addAll(page.objects());
      after = page.truncated() ? page.nextStartAfter() : null;
    } while (after != null);
    List<List<Object>> rows = new ArrayList<>();
    for (String prefix : prefixes) {
      rows.add(Arrays.asList(prefix, null, null, null));
    }
    for (ObjectInfo info : objects) {
      rows.add(List.of(info.key(), info.size(), info.etag(), info.contentType()));
    }
    return new Result.Rows(List.of("key", "size", "etag", "type"), rows, "",
        count(objects.size(), "object", "objects")
            + (prefixes.isEmpty() ? "" : ", " + count(prefixes.size(), "prefix", "prefixes")));
  }

  private static Result buckets(Session s) {
    List<List<Object>> rows = new ArrayList<>();
    for (BucketStats b : Await.all(s.objects().stats())) {
      rows.add(List.of(b.bucket(), b.objects(), b.bytes()));
    }
    return new Result.Rows(List.of("bucket", "objects", "bytes"), rows, "",
        count(rows.size(), "bucket", "buckets"));
  }

  private static Result head(Session s, Args a) {
    ObjectPath path = ObjectPath.object(a.token(0));
    ObjectInfo info = Await.value(s.objects().bucket(path.bucket()).head(path.key()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("key", info.key());
    fields.put("size", info.size());
    fields.put("contentType", info.contentType());
    fields.put("etag", info.etag());
    fields.put("crc32c", String.format("%08x", info.crc32c()));
    fields.put("sequence", info.sequence());
    fields.put("created", info.created().toString());
    fields.put("metadata", info.metadata().toString());
    return new Result.Fields(fields);
  }

  /**
   * Within a bucket the store copies without touching content; across buckets the content is
   * streamed from one to the other inside the store (no local copy), keeping type and metadata.
   */
  private static Result copy(Session s, Args a) {
    ObjectPath from = ObjectPath.object(a.token(0));
    ObjectPath to = ObjectPath.object(a.token(1));
    Bucket source = s.objects().bucket(from.bucket());
    ObjectInfo copied;
    if (from.bucket().equals(to.bucket())) {
      copied = Await.value(source.copy(from.key(), to.key()));
    } else {
      ObjectInfo info = Await.value(source.head(from.key()));
      ObjectOptions options =
          ObjectOptions.contentType(info.contentType()).withMetadata(info.metadata());
      copied = Await.value(s.objects().bucket(to.bucket())
          .put(to.key(), source.read(from.key()), options));
    }
    return Result.ok("copied " + from + " to " + to + " (" + bytes(copied.size()) + ")");
  }

  private static Result move(Session s, Args a) {
    ObjectPath from = ObjectPath.parse(a.token(0));
    ObjectPath to = ObjectPath.parse(a.token(1));
    if (!from.bucket().equals(to.bucket())) {
      throw new ShellException("mv stays within a bucket (it renames atomically):"
          + " use cp, then rm, to move between buckets");
    }
    Bucket bucket = s.objects().bucket(from.bucket());
    if (from.isPrefix() || to.isPrefix()) {
      if (!from.isPrefix() || !to.isPrefix() || from.key().isEmpty()) {
        throw new ShellException("mv of a prefix needs two prefixes ending in /,"
            + " e.g. mv b/2024/ b/archive/2024/");
      }
      long moved = Await.value(bucket.movePrefix(from.key(), to.key()));
      return Result.ok("moved " + count(moved, "object", "objects"));
    }
    Await.value(bucket.move(from.key(), to.key()));
    return Result.ok("moved " + from + " to " + to);
  }

  private static Result remove(Session s, Args a) {
    Args.Options o = a.options(RM_USAGE, Set.of("-r", "--recursive"), Set.of());
    if (o.positional().size() != 1) {
      throw new ShellException("usage: " + RM_USAGE);
    }
    if (o.has("-r") || o.has("--recursive")) {
      ObjectPath path = ObjectPath.parse(o.positional().token(0));
      Long n = Await.value(s.objects().bucket(path.bucket()).deletePrefix(path.key()));
      return new Result.Number("deleted", n == null ? 0 : n);
    }
    ObjectPath path = ObjectPath.object(o.positional().token(0));
    if (!Boolean.TRUE.equals(Await.value(
        s.objects().bucket(path.bucket()).delete(path.key())))) {
      // The store treats it as done (as S3 does); a person who typed a key wants to know.
      throw new NotFoundException(NotFoundException.Kind.OBJECT, "no such object: " + path);
    }
    return new Result.Number("deleted", 1);
  }

  private static Result usage(Session s, Args a) {
    BucketStats stats = Await.value(s.objects().bucket(a.token(0).text()).stats());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("objects", stats.objects());
    fields.put("bytes", stats.bytes());
    if (stats.openUploads() > 0) {
      fields.put("openUploads", stats.openUploads());
      fields.put("uploadBytes", stats.uploadBytes());
    }
    return new Result.Fields(fields);
  }

  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static String bytes(long n) {
    return count(n, "byte", "bytes");
  }
}
