package dev.weir.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** A directory that hands every call to another; wrappers override what they change. */
public abstract class ForwardingDirectory implements Directory {

  protected final Directory inner;

  protected ForwardingDirectory(Directory inner) {
    this.inner = inner;
  }

  @Override
  public String location() {
    return inner.location();
  }

  @Override
  public WritableFile create(String name) throws IOException {
    return inner.create(name);
  }

  @Override
  public WritableFile openForAppend(String name) throws IOException {
    return inner.openForAppend(name);
  }

  @Override
  public ReadableFile openForRead(String name) throws IOException {
    return inner.openForRead(name);
  }

  @Override
  public boolean exists(String name) throws IOException {
    return inner.exists(name);
  }

  @Override
  public long size(String name) throws IOException {
    return inner.size(name);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    inner.rename(from, to);
  }

  @Override
  public void delete(String name) throws IOException {
    inner.delete(name);
  }

  @Override
  public List<String> list() throws IOException {
    return inner.list();
  }

  @Override
  public void sync() throws IOException {
    inner.sync();
  }

  @Override
  public Closeable tryLock(String name) throws IOException {
    return inner.tryLock(name);
  }

  /** A writable file that hands every call to another. */
  public abstract static class ForwardingFile implements WritableFile {
    protected final WritableFile file;

    protected ForwardingFile(WritableFile file) {
      this.file = file;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return file.write(src);
    }

    @Override
    public void sync() throws IOException {
      file.sync();
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      file.truncate(size);
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
