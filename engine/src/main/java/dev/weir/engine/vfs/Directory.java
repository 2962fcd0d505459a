package dev.weir.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The files of one store, all in one directory (Pebble's {@code vfs.FS}, narrowed to what a
 * durable store does). Names are plain file names, never paths. Every method may block on the
 * disk: call them only on a thread allowed to block (the WAL thread, an open or recovery step),
 * never on an engine thread's fast path or a caller's event loop.
 */
public interface Directory {

  /** Where the files are, for messages. */
  String location();

  /** Creates {@code name}, which must not exist, for writing from its start. */
  WritableFile create(String name) throws IOException;

  /** Opens an existing {@code name} for writing at its end. */
  WritableFile openForAppend(String name) throws IOException;

  ReadableFile openForRead(String name) throws IOException;

  boolean exists(String name) throws IOException;

  long size(String name) throws IOException;

  /** Replaces {@code to} with {@code from} atomically; {@link #sync()} makes it durable. */
  void rename(String from, String to) throws IOException;

  /** Deletes {@code name} if it exists; {@link #sync()} makes it durable. */
  void delete(String name) throws IOException;

  /** The names of the files in the directory, sorted. */
  List<String> list() throws IOException;

  /** Makes created, renamed and deleted names durable (an fsync of the directory). */
  void sync() throws IOException;

  /**
   * Takes an exclusive lock on the file {@code name} (created if absent), or returns null when
   * this process or another already holds it. Closing the returned handle releases the lock.
   */
  Closeable tryLock(String name) throws IOException;

  /** Describes {@code name} for messages: the directory and the name. */
  default String describe(String name) {
    return location() + "/" + name;
  }
}
