package dev.weir.reactive.object;

/** Bytes streamed into chunks under {@code id}, with their digests, not yet referenced. */
record Blob(String id, long size, int chunkSize, byte[] md5, int crc32c) {

  String etag() {
    return Digests.hex(md5);
  }

  Manifest.Segment segment() {
    return new Manifest.Segment(id, size, chunkSize);
  }
}
