package dev.weir.vertx;

import static dev.weir.vertx.ObjectOperations.bucket;
import static dev.weir.vertx.Requests.body;
import static dev.weir.vertx.Requests.header;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.reactive.object.ObjectStore;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.PartsRequest;
import dev.weir.vertx.codec.StreamFrame.Kind;
import dev.weir.vertx.codec.UploadChunk;
import java.util.Map;

/**
 * The object store's streams, both ways. Results (content, listings, parts...) flow to the
 * client as {@link ServerStream}s, under the credit protocol of scans; content flows from the
 * client as {@link ServerUpload}s. Both are cancelled at {@code stream.cancel} and leased like
 * every stream.
 */
final class ObjectStreamOperations {

  private ObjectStreamOperations() {}

  static void addTo(Map<String, Operation> ops, StoreBinding binding, ObjectStore objects) {
    ops.put(Addresses.OBJ_LIST_BUCKETS,
        m -> ServerStream.open(binding, m, objects.listBuckets(), Kind.BUCKET));
    ops.put(Addresses.OBJ_STATS,
        m -> ServerStream.open(binding, m, objects.stats(), Kind.BUCKET_STATS));
    ops.put(Addresses.OBJ_READ, m -> {
      ObjectRequest r = body(m, ObjectRequest.class);
      ServerStream.open(binding, m,
          bucket(m, objects, r.bucket()).read(r.key(), r.offset(), r.length()), Kind.BUFFER);
    });
    ops.put(Addresses.OBJ_OBJECTS, m -> {
      ObjectRequest r = body(m, ObjectRequest.class);
      ServerStream.open(binding, m, bucket(m, objects, r.bucket()).objects(r.key()),
          Kind.OBJECT);
    });
    ops.put(Addresses.OBJ_LIST_UPLOADS, m -> {
      ObjectRequest r = body(m, ObjectRequest.class);
      ServerStream.open(binding, m, bucket(m, objects, r.bucket()).listUploads(), Kind.UPLOAD);
    });
    ops.put(Addresses.OBJ_LIST_PARTS, m -> {
      PartsRequest p = body(m, PartsRequest.class);
      ServerStream.open(binding, m, bucket(m, objects, p.bucket()).listParts(p.upload()),
          Kind.PART);
    });
    ops.put(Addresses.OBJ_PUT, m -> {
      ObjectWrite w = body(m, ObjectWrite.class);
      var b = bucket(m, objects, w.bucket());
      ServerUpload.open(binding, m, content -> b.put(w.key(), content, w.options()));
    });
    ops.put(Addresses.OBJ_UPLOAD_PART, m -> {
      PartsRequest p = body(m, PartsRequest.class);
      var b = bucket(m, objects, p.bucket());
      ServerUpload.open(binding, m, content -> b.uploadPart(p.upload(), p.partNumber(), content));
    });
    ops.put(Addresses.OBJ_CHUNK, m -> {
      UploadChunk c = body(m, UploadChunk.class);
      LeasedStream s = binding.leases().stream(header(m, Addresses.OWNER), c.stream());
      if (!(s instanceof ServerUpload)) {
        throw new InvalidArgumentException("upload " + c.stream() + " is not open");
      }
      ((ServerUpload) s).chunk(m, c);
    });
  }
}
