package dev.weir.engine.vfs;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file read at given positions. Safe for concurrent positional reads. */
public interface ReadableFile extends Closeable {

  /** Reads into {@code dst} from {@code position}; returns the bytes read, or -1 at the end. */
  int read(ByteBuffer dst, long position) throws IOException;

  long size() throws IOException;

  /** Fills {@code dst} from {@code position}, or throws {@link EOFException} at the end. */
  default void readFully(ByteBuffer dst, long position) throws IOException {
    long at = position;
    while (dst.hasRemaining()) {
      int n = read(dst, at);
      if (n < 0) {
        throw new EOFException("end of file at " + at);
      }
      at += n;
    }
  }
}
