package dev.weir.vertx;

import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.bucketName;

import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.PartsRequest;
import io.vertx.core.eventbus.Message;
import java.util.Map;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/** The object store's plain operations: one request, one store call, one reply. */
final class ObjectOperations {

  private ObjectOperations() {}

  static void addTo(Map<String, Operation> ops, ObjectStore objects) {
    ops.put(Addresses.OBJ_CREATE_BUCKET,
        m -> Replies.answer(m, objects.createBucket(body(m, ObjectRequest.class).bucket())));
    ops.put(Addresses.OBJ_DELETE_BUCKET,
        m -> Replies.answer(m, objects.deleteBucket(body(m, ObjectRequest.class).bucket())));
    ops.put(Addresses.OBJ_FEATURES, m -> m.reply(objects.features()));
    ops.put(Addresses.OBJ_EXPIRE_UPLOADS, m -> Replies.answer(m, objects.expireUploads()));
    onBucket(ops, objects, Addresses.OBJ_HEAD, (b, r) -> b.head(r.key()));
    onBucket(ops, objects, Addresses.OBJ_DELETE, (b, r) -> b.delete(r.key()));
    onBucket(ops, objects, Addresses.OBJ_COPY, (b, r) -> b.copy(r.key(), r.arg()));
    onBucket(ops, objects, Addresses.OBJ_MOVE, (b, r) -> b.move(r.key(), r.arg()));
    onBucket(ops, objects, Addresses.OBJ_MOVE_PREFIX, (b, r) -> b.movePrefix(r.key(), r.arg()));
    onBucket(ops, objects, Addresses.OBJ_DELETE_PREFIX, (b, r) -> b.deletePrefix(r.key()));
    onBucket(ops, objects, Addresses.OBJ_BUCKET_STATS, (b, r) -> b.stats());
    onBucket(ops, objects, Addresses.OBJ_LIST,
        (b, r) -> b.list(r.key(), r.arg(), r.startAfter(), limit(r)));
    ops.put(Addresses.OBJ_START_UPLOAD, m -> {
      ObjectWrite w = body(m, ObjectWrite.class);
      Replies.answer(m, bucket(m, objects, w.bucket()).startUpload(w.key(), w.options()));
    });
    ops.put(Addresses.OBJ_COMPLETE_UPLOAD, m -> {
      PartsRequest p = body(m, PartsRequest.class);
      Replies.answer(m, bucket(m, objects, p.bucket()).completeUpload(p.upload(), p.parts()));
    });
    ops.put(Addresses.OBJ_ABORT_UPLOAD, m -> {
      PartsRequest p = body(m, PartsRequest.class);
      Replies.answer(m, bucket(m, objects, p.bucket()).abortUpload(p.upload()));
    });
  }

  private static void onBucket(Map<String, Operation> ops, ObjectStore objects, String address,
      BiFunction<Bucket, ObjectRequest, Mono<?>> call) {
    ops.put(address, m -> {
      ObjectRequest r = body(m, ObjectRequest.class);
      Replies.answer(m, call.apply(bucket(m, objects, r.bucket()), r));
    });
  }

  static Bucket bucket(Message<Object> m, ObjectStore objects, String name) {
    return objects.bucket(bucketName(m, name));
  }

  /** A listing's limit travels as the length; one outside int's range is refused as 0 is. */
  private static int limit(ObjectRequest r) {
    long n = r.length();
    return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? 0 : (int) n;
  }
}
