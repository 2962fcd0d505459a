package dev.weir.reactive.object;

/**
 * Bytes streamed into chunks under {@code id}, not yet referenced, with their digests: the
 * 16-byte ETag hash (of the algorithm the writer was given) and the CRC32C.
 */
record Blob(String id, long size, int chunkSize, byte[] digest, int crc32c) {

  String etag() {
    return Digests.hex(digest);
  }

  Manifest.Segment segment() {
    return new Manifest.Segment(id, size, chunkSize);
  }
}
