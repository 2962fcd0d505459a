package dev.weir.engine.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A file being written at its end. Unlike a plain {@link WritableByteChannel}, {@link
 * #write(ByteBuffer)} writes every remaining byte or throws, so a caller never loops; after a
 * throw, some prefix of the buffer may be in the file (a short write). Single-threaded.
 */
public interface WritableFile extends WritableByteChannel {

  /** Writes all of {@code src}; returns how many bytes that was. */
  @Override
  int write(ByteBuffer src) throws IOException;

  /** Forces the written bytes and the file's size to the disk (fdatasync). */
  void sync() throws IOException;

  long size() throws IOException;

  /** Cuts the file to {@code size} bytes; later writes go at the new end. */
  void truncate(long size) throws IOException;
}
