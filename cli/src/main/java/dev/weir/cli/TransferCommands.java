package dev.weir.cli;

import dev.weir.reactive.object.Bucket;
import dev.weir.reactive.object.ObjectInfo;
import dev.weir.reactive.object.ObjectOptions;
import dev.weir.reactive.object.PartInfo;
import dev.weir.reactive.object.Upload;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * Moving bytes between local files and objects: {@code upload} and {@code cat}.
 *
 * <p>Local files are read and written on the shell's own thread, never inside the store's
 * streams: the store may ask for content from its event-loop threads, which must not wait for
 * a disk. So {@code upload} reads one part into memory here and hands the store a ready buffer,
 * and {@code cat --out} writes each buffer here as {@link Await#each} passes it over. Memory
 * stays at one part (upload) or a few chunks (cat --out) whatever the size of the file.
 */
final class TransferCommands {

  static final String UPLOAD_USAGE =
      "upload <file> <bucket>/<key> [--part-size 5MiB] [--type content/type]";
  static final String CAT_USAGE = "cat <bucket>/<key> [offset] [length] [--out file]";

  /** S3's smallest part (except the last), a sensible default for a local file. */
  static final long DEFAULT_PART_SIZE = 5L << 20;

  private static final int MAX_PARTS = 10_000;

  private TransferCommands() {}

  static void addTo(CommandTable table) {
    table
        .add(Command.of(UPLOAD_USAGE,
            "store a local file; larger than one part: a multipart upload (key/ adds the name)",
            2, 6, TransferCommands::upload))
        .add(Command.of(CAT_USAGE,
            "print an object (text, or a hex dump), or a byte range; --out writes a file", 1, 5,
            TransferCommands::cat));
  }

  private static Result upload(Session s, Args a) {
    Args.Options o = a.options(UPLOAD_USAGE, Set.of(), Set.of("--part-size", "--type"));
    if (o.positional().size() != 2) {
      throw new ShellException("usage: " + UPLOAD_USAGE);
    }
    Path file = Path.of(o.positional().token(0).text());
    ObjectPath target = ObjectPath.parse(o.positional().token(1));
    String key = target.isPrefix() ? target.key() + file.getFileName() : target.key();
    long partSize = o.has("--part-size") ? Args.size(o.value("--part-size"), "--part-size")
        : DEFAULT_PART_SIZE;
    if (partSize < 1 || partSize > Integer.MAX_VALUE - 8) {
      throw new ShellException("bad part size " + partSize + ": from 1 byte to 2GiB");
    }
    String type = o.has("--type") ? o.value("--type") : guessType(file);
    ObjectOptions options = ObjectOptions.contentType(type);
    Bucket bucket = s.objects().bucket(target.bucket());
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      long parts = Math.max(1, (size + partSize - 1) / partSize);
      if (parts > MAX_PARTS) {
        throw new ShellException(file + " needs " + parts + " parts of " + partSize
            + " bytes, more than 10,000: use a larger --part-size");
      }
      ByteBuffer part = ByteBuffer.allocate((int) Math.min(size, partSize));
      ObjectInfo info = parts == 1
          ? Await.value(bucket.put(key, Flux.just(read(in, part)), options))
          : multipart(bucket, key, options, in, part, (int) parts);
      return Result.ok("uploaded " + target.bucket() + "/" + key + ": "
          + ObjectCommands.bytes(info.size())
          + (parts == 1 ? "" : " in " + parts + " parts") + ", etag " + info.etag());
    } catch (IOException e) {
      throw new ShellException("cannot read " + file + ": " + describe(e));
    }
  }

  /** One part in memory at a time; on any failure the upload is aborted so no part lingers. */
  private static ObjectInfo multipart(Bucket bucket, String key, ObjectOptions options,
      FileChannel in, ByteBuffer part, int parts) throws IOException {
    Upload upload = Await.value(bucket.startUpload(key, options));
    try {
      List<PartInfo> done = new ArrayList<>(parts);
      for (int n = 1; n <= parts; n++) {
        // The store copies the buffer as it arrives, so the next part may reuse it.
        PartInfo p = Await.value(bucket.uploadPart(upload, n, Flux.just(read(in, part))));
        done.add(PartInfo.of(n, p.etag()));
      }
      return Await.value(bucket.completeUpload(upload, done));
    } catch (IOException | RuntimeException e) {
      try {
        Await.value(bucket.abortUpload(upload));
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed);
      }
      throw e;
    }
  }

  /** Fills {@code buffer} from the file (all of it, or to the end of the file). */
  private static ByteBuffer read(FileChannel in, ByteBuffer buffer) throws IOException {
    buffer.clear();
    while (buffer.hasRemaining() && in.read(buffer) >= 0) {
      // FileChannel may return fewer bytes than asked; keep reading
    }
    return buffer.flip();
  }

  /** From the file name only, so the same file gets the same type on every machine. */
  private static String guessType(Path file) {
    String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
    return type != null ? type : ObjectOptions.DEFAULT_CONTENT_TYPE;
  }

  private static Result cat(Session s, Args a) {
    Args.Options o = a.options(CAT_USAGE, Set.of(), Set.of("--out"));
    Args positional = o.positional();
    if (positional.size() < 1 || positional.size() > 3) {
      throw new ShellException("usage: " + CAT_USAGE);
    }
    ObjectPath path = ObjectPath.object(positional.token(0));
    long offset = positional.size() > 1 ? positional.number(1, "offset") : 0;
    Bucket bucket = s.objects().bucket(path.bucket());
    Flux<ByteBuffer> content = positional.size() > 2
        ? bucket.read(path.key(), offset, positional.number(2, "length"))
        : positional.size() > 1 ? bucket.read(path.key(), offset, Long.MAX_VALUE)
        : bucket.read(path.key());
    if (o.has("--out")) {
      return writeFile(content, Path.of(o.value("--out")));
    }
    return new Result.Text(Content.show(Content.concat(Await.all(content)), offset));
  }

  /**
   * Streams the content into a temporary file beside {@code file} and moves it into place at
   * the end, so a failed read (a missing object, say) leaves an existing file untouched.
   */
  private static Result writeFile(Flux<ByteBuffer> content, Path file) {
    AtomicLong written = new AtomicLong();
    Path dir = file.toAbsolutePath().getParent();
    Path partial = null;
    try {
      partial = Files.createTempFile(dir, ".weir-", ".part");
      try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        Await.each(content, buffer -> written.addAndGet(write(out, buffer, file)),
            Interrupts.NONE);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      partial = null;
    } catch (IOException e) {
      throw new ShellException("cannot write " + file + ": " + describe(e));
    } finally {
      deleteQuietly(partial);
    }
    return Result.ok("wrote " + ObjectCommands.bytes(written.get()) + " to " + file);
  }

  private static int write(FileChannel out, ByteBuffer buffer, Path file) {
    try {
      ByteBuffer b = buffer.duplicate(); // the store's buffers are shared: never move theirs
      int n = 0;
      while (b.hasRemaining()) {
        n += out.write(b);
      }
      return n;
    } catch (IOException e) {
      throw new ShellException("cannot write " + file + ": " + describe(e));
    }
  }

  private static void deleteQuietly(Path partial) {
    if (partial != null) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the error being reported matters more than a leftover temporary file
      }
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
