package dev.weir.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A {@link Directory} of real files, over {@link FileChannel}. */
public final class LocalDirectory implements Directory {

  /**
   * Lock files this JVM holds. POSIX record locks belong to the process, and closing any
   * descriptor of a file drops them all: a second open in this JVM that opened the lock file
   * only to find it locked would, on closing it, silently unlock the first owner. So a lock
   * file held here is never opened again (Lucene's NativeFSLockFactory does the same).
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path root;

  private LocalDirectory(Path root) {
    this.root = root;
  }

  /** The directory {@code root}, created with its parents if absent. */
  public static LocalDirectory open(Path root) throws IOException {
    Files.createDirectories(root);
    return new LocalDirectory(root.toRealPath());
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public WritableFile create(String name) throws IOException {
    return new LocalWritableFile(
        FileChannel.open(
            path(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        describe(name));
  }

  @Override
  public WritableFile openForAppend(String name) throws IOException {
    FileChannel ch = FileChannel.open(path(name), StandardOpenOption.WRITE);
    ch.position(ch.size());
    return new LocalWritableFile(ch, describe(name));
  }

  @Override
  public ReadableFile openForRead(String name) throws IOException {
    FileChannel ch = FileChannel.open(path(name), StandardOpenOption.READ);
    return new ReadableFile() {
      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        return ch.read(dst, position);
      }

      @Override
      public long size() throws IOException {
        return ch.size();
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(path(name));
  }

  @Override
  public long size(String name) throws IOException {
    return Files.size(path(name));
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Files.move(
        path(from), path(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(path(name));
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  @Override
  public void sync() throws IOException {
    try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      throw mapped(e, location());
    }
  }

  @Override
  public Closeable tryLock(String name) throws IOException {
    Path file = path(name);
    if (!HELD.add(file)) {
      return null;
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        HELD.remove(file);
        return null;
      }
      FileChannel owned = ch;
      return () -> {
        try {
          lock.release();
          owned.close();
        } finally {
          HELD.remove(file);
        }
      };
    } catch (OverlappingFileLockException e) {
      // another part of this JVM locked the file without going through here; leave it open
      HELD.remove(file);
      return null;
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(file);
      throw e;
    }
  }

  private Path path(String name) {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    return root.resolve(name);
  }

  private static IOException mapped(IOException e, String what) {
    if (e instanceof NoSpaceLeftException || !NoSpaceLeftException.isNoSpace(e)) {
      return e;
    }
    return new NoSpaceLeftException("no space left on device writing " + what, e);
  }

  /** A file written at its end through its channel. */
  private static final class LocalWritableFile implements WritableFile {
    private final FileChannel ch;
    private final String what;

    LocalWritableFile(FileChannel ch, String what) {
      this.ch = ch;
      this.what = what;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int total = src.remaining();
      try {
        while (src.hasRemaining()) {
          ch.write(src);
        }
      } catch (IOException e) {
        throw mapped(e, what);
      }
      return total;
    }

    @Override
    public void sync() throws IOException {
      try {
        // fdatasync, as LevelDB and RocksDB sync their logs: the bytes and the size that
        // reading them back needs, not the modification time, which would cost the log's
        // every group a journal write of its own
        ch.force(false);
      } catch (IOException e) {
        throw mapped(e, what);
      }
    }

    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      ch.truncate(size);
      ch.position(size);
    }

    @Override
    public boolean isOpen() {
      return ch.isOpen();
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
