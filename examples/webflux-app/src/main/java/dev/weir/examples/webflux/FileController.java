package dev.weir.examples.webflux;

import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.ObjectStore;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files in a Weir bucket, uploaded as a stream and downloaded whole or by range.
 *
 * <pre>
 *   PUT /files/{key...}   the body, stored as it arrives               200, the object's info
 *   GET /files/{key...}   the content                                   200, or 404
 *       with Range: bytes=a-b, a- or -n (one range)                     206 with Content-Range,
 *                                                                       or 416 past the end
 * </pre>
 *
 * <p>Neither direction holds a whole file: an upload is read no faster than the store takes
 * it, and a download reads the stored chunks (shared, not copied) as the connection takes them.
 *
 * <p>The bucket is {@code weir.objects.bucket}, which the starter creates when it opens the
 * store.
 */
@RestController
@RequestMapping("/files")
class FileController {

  private final Bucket files;

  FileController(ObjectStore objects, @Value("${weir.objects.bucket}") String bucket) {
    this.files = objects.bucket(bucket);
  }

  @PutMapping("/{*key}")
  Mono<ObjectInfo> upload(@PathVariable String key, ServerHttpRequest request) {
    MediaType type = request.getHeaders().getContentType();
    ObjectOptions options = type == null
        ? ObjectOptions.defaults()
        : ObjectOptions.contentType(type.toString());
    return files.put(name(key), request.getBody().map(FileController::copy), options);
  }

  @GetMapping("/{*key}")
  Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String key,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
    String name = name(key);
    return files.head(name).map(info -> {
      List<HttpRange> ranges = range == null ? List.of() : parse(range);
      if (ranges.size() != 1) {
        // no range, or several: the whole content (a server may ignore Range)
        return ResponseEntity.ok()
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .eTag(info.etag())
            .contentType(MediaType.parseMediaType(info.contentType()))
            .contentLength(info.size())
            .body(content(name, 0, info.size()));
      }
      long size = info.size();
      long start;
      long end;
      try {
        start = ranges.get(0).getRangeStart(size);
        end = ranges.get(0).getRangeEnd(size);
      } catch (IllegalArgumentException unsatisfiable) {
        start = size; // a range starting past the end
        end = size - 1;
      }
      if (start > end) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
            .<Flux<DataBuffer>>build();
      }
      long length = end - start + 1;
      return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
          .header(HttpHeaders.ACCEPT_RANGES, "bytes")
          .header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size)
          .eTag(info.etag())
          .contentType(MediaType.parseMediaType(info.contentType()))
          .contentLength(length)
          .body(content(name, start, length));
    });
  }

  private Flux<DataBuffer> content(String name, long offset, long length) {
    // read-only views of the stored chunks, wrapped, not copied
    return files.read(name, offset, length).map(DefaultDataBufferFactory.sharedInstance::wrap);
  }

  /** A malformed Range header is ignored, as RFC 9110 allows: the whole content is sent. */
  private static List<HttpRange> parse(String range) {
    try {
      return HttpRange.parseRanges(range);
    } catch (IllegalArgumentException malformed) {
      return List.of();
    }
  }

  /** {@code {*key}} captures the rest of the path with its leading slash. */
  private static String name(String key) {
    return key.startsWith("/") ? key.substring(1) : key;
  }

  /** The store keeps what it is given, so each request buffer is copied once and released. */
  private static ByteBuffer copy(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return ByteBuffer.wrap(bytes);
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
