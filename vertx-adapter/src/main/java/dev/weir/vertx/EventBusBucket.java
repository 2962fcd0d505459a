package dev.weir.vertx;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.object.Listing;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import dev.weir.vertx.codec.ObjectRequest;
import dev.weir.vertx.codec.ObjectWrite;
import dev.weir.vertx.codec.PartsRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A bucket of an {@link EventBusObjectStore}: each call one request, stream or upload. */
final class EventBusBucket implements Bucket {

  private final BusClient client;
  private final String name;

  EventBusBucket(BusClient client, String name) {
    this.client = client;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Mono<ObjectInfo> put(String key, Flux<ByteBuffer> content, ObjectOptions options) {
    if (content == null) {
      return Mono.error(new InvalidArgumentException("content must not be null"));
    }
    return new ClientUpload<>(client, Addresses.OBJ_PUT, new ObjectWrite(name, key, options),
        content, ObjectInfo.class);
  }

  @Override
  public Flux<ByteBuffer> read(String key) {
    return read(key, 0, Long.MAX_VALUE);
  }

  @Override
  public Flux<ByteBuffer> read(String key, long offset, long length) {
    return new ClientStream<>(client, Addresses.OBJ_READ,
        ObjectRequest.range(name, key, offset, length), client.owned(), false,
        client.options().readWindow());
  }

  @Override
  public Mono<ObjectInfo> head(String key) {
    return request(Addresses.OBJ_HEAD, ObjectRequest.key(name, key), ObjectInfo.class);
  }

  @Override
  public Mono<Boolean> delete(String key) {
    return request(Addresses.OBJ_DELETE, ObjectRequest.key(name, key), Boolean.class);
  }

  @Override
  public Mono<Listing> list(String prefix, String delimiter, String startAfter, int limit) {
    return request(Addresses.OBJ_LIST,
        ObjectRequest.listing(name, prefix, delimiter, startAfter, limit), Listing.class);
  }

  @Override
  public Flux<ObjectInfo> objects(String prefix) {
    return new ClientStream<>(client, Addresses.OBJ_OBJECTS, ObjectRequest.key(name, prefix),
        client.owned());
  }

  @Override
  public Mono<ObjectInfo> copy(String from, String to) {
    return request(Addresses.OBJ_COPY, ObjectRequest.pair(name, from, to), ObjectInfo.class);
  }

  @Override
  public Mono<ObjectInfo> move(String from, String to) {
    return request(Addresses.OBJ_MOVE, ObjectRequest.pair(name, from, to), ObjectInfo.class);
  }

  @Override
  public Mono<Long> movePrefix(String fromPrefix, String toPrefix) {
    return request(Addresses.OBJ_MOVE_PREFIX, ObjectRequest.pair(name, fromPrefix, toPrefix),
        Long.class);
  }

  @Override
  public Mono<Long> deletePrefix(String prefix) {
    return request(Addresses.OBJ_DELETE_PREFIX, ObjectRequest.key(name, prefix), Long.class);
  }

  @Override
  public Mono<BucketStats> stats() {
    return request(Addresses.OBJ_BUCKET_STATS, ObjectRequest.bucket(name), BucketStats.class);
  }

  @Override
  public Mono<Upload> startUpload(String key, ObjectOptions options) {
    return request(Addresses.OBJ_START_UPLOAD, new ObjectWrite(name, key, options),
        Upload.class);
  }

  @Override
  public Mono<PartInfo> uploadPart(Upload upload, int partNumber, Flux<ByteBuffer> content) {
    if (content == null) {
      return Mono.error(new InvalidArgumentException("content must not be null"));
    }
    return new ClientUpload<>(client, Addresses.OBJ_UPLOAD_PART,
        new PartsRequest(name, upload, partNumber, null), content, PartInfo.class);
  }

  @Override
  public Flux<PartInfo> listParts(Upload upload) {
    return new ClientStream<>(client, Addresses.OBJ_LIST_PARTS, PartsRequest.of(name, upload),
        client.owned());
  }

  @Override
  public Flux<Upload> listUploads() {
    return new ClientStream<>(client, Addresses.OBJ_LIST_UPLOADS, ObjectRequest.bucket(name),
        client.owned());
  }

  @Override
  public Mono<ObjectInfo> completeUpload(Upload upload, List<PartInfo> parts) {
    // a copy: on the local bus the request is handed over as it is, and the list is the caller's
    List<PartInfo> named = parts == null ? null : Collections.unmodifiableList(
        new ArrayList<>(parts));
    return request(Addresses.OBJ_COMPLETE_UPLOAD, new PartsRequest(name, upload, 0, named),
        ObjectInfo.class);
  }

  @Override
  public Mono<Void> abortUpload(Upload upload) {
    return request(Addresses.OBJ_ABORT_UPLOAD, PartsRequest.of(name, upload), Void.class);
  }

  private <T> Mono<T> request(String op, Object body, Class<T> type) {
    return client.request(op, body, client.plain(), type);
  }

  @Override
  public String toString() {
    return "EventBusBucket[" + name + " at " + client.address("object.*") + "]";
  }
}
