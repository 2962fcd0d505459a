package dev.weir.engine.version;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.vfs.Directory;
import dev.weir.engine.vfs.ReadableFile;
import dev.weir.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The names of a durable store's files and the switch from one manifest to the next.
 *
 * <p><b>Names.</b> Run files {@code 000123.run} and manifests {@code MANIFEST-000005} take
 * their numbers from one counter, the manifest's next file number, so no two files ever share
 * one. {@code CURRENT} holds the live manifest's name and a newline. Temporary files end in
 * {@code .tmp}. The write-ahead log's segments ({@code 000001.wal}) and the {@code LOCK} file
 * are not this class's: it never lists them as obsolete.
 *
 * <p><b>Switching manifests</b> (LevelDB's {@code SetCurrentFile}): the new manifest is written
 * whole, a snapshot of the state, and synced; then the new name goes into a temporary file,
 * synced, renamed over {@code CURRENT} and the directory synced. A rename is atomic, so after
 * a crash at any point {@code CURRENT} names either the old manifest or the new one, each
 * complete; a crash before the rename leaves a temporary file and an unnamed manifest, which
 * open ignores and {@link #obsoleteFiles} lists for deletion.
 *
 * <p>Every method may block on the disk; used by the one thread that opens the store or
 * installs versions.
 */
public final class StoreDirectory {

  public static final String CURRENT = "CURRENT";
  private static final String CURRENT_TEMP = "CURRENT.tmp";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String RUN_SUFFIX = ".run";
  private static final String MANIFEST_PREFIX = "MANIFEST-";

  private final Directory dir;

  public StoreDirectory(Directory dir) {
    this.dir = dir;
  }

  public Directory directory() {
    return dir;
  }

  /** The run file of number {@code fileId}: {@code 000123.run}. */
  public static String runFileName(long fileId) {
    return String.format("%06d%s", fileId, RUN_SUFFIX);
  }

  /** The manifest of number {@code number}: {@code MANIFEST-000005}. */
  public static String manifestName(long number) {
    return String.format("%s%06d", MANIFEST_PREFIX, number);
  }

  /** The number of a run file's name, or -1 when {@code name} is not one. */
  public static long parseRunFileName(String name) {
    return name.endsWith(RUN_SUFFIX)
        ? number(name.substring(0, name.length() - RUN_SUFFIX.length())) : -1;
  }

  /** The number of a manifest's name, or -1 when {@code name} is not one. */
  public static long parseManifestName(String name) {
    return name.startsWith(MANIFEST_PREFIX)
        ? number(name.substring(MANIFEST_PREFIX.length())) : -1;
  }

  private static long number(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(digits);
  }

  /** The live manifest, as {@code CURRENT} names it, and what replaying it found. */
  public record Recovered(String manifest, long manifestNumber, ManifestReplay replay) {}

  /**
   * Finds and replays the live manifest; null when the directory holds no store yet (no
   * {@code CURRENT} and no run files; a manifest left by a creation that crashed before naming
   * it does not count). A missing or malformed {@code CURRENT} beside run files, or a {@code
   * CURRENT} naming a missing manifest, is a {@link CorruptionException}.
   */
  public Recovered recover() throws IOException {
    if (!dir.exists(CURRENT)) {
      for (String name : dir.list()) {
        if (parseRunFileName(name) >= 0) {
          throw new CorruptionException(dir.describe(CURRENT), 0,
              "missing, yet the directory holds run files such as " + name);
        }
      }
      return null;
    }
    String content = readCurrent();
    String manifest = content.endsWith("\n") ? content.substring(0, content.length() - 1) : "";
    long number = parseManifestName(manifest);
    if (number < 0) {
      throw new CorruptionException(dir.describe(CURRENT), 0,
          "does not name a manifest: \"" + content.strip() + "\"");
    }
    if (!dir.exists(manifest)) {
      throw new CorruptionException(dir.describe(manifest), 0, "named by CURRENT but missing");
    }
    return new Recovered(manifest, number, ManifestReader.replay(dir, manifest));
  }

  private String readCurrent() throws IOException {
    try (ReadableFile in = dir.openForRead(CURRENT)) {
      long size = in.size();
      if (size > 256) {
        throw new CorruptionException(dir.describe(CURRENT), 0, size + " bytes long");
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      in.readFully(bytes, 0);
      return new String(bytes.array(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Starts a new manifest holding {@code state} and makes it the live one: the manifest takes
   * {@code state}'s next file number, written whole and synced, then {@code CURRENT} is switched
   * to it atomically and the directory synced. Returns its writer, whose state is {@code state}
   * with the file number advanced past the manifest's. On a failure {@code CURRENT} still names
   * the old manifest (or none), which stays valid.
   */
  public ManifestWriter startManifest(ManifestState state) throws IOException {
    long number = state.nextFileNumber();
    String name = manifestName(number);
    if (dir.exists(name)) {
      // left by a switch that crashed before CURRENT named it; the live manifest's own state
      // holds a next file number past its number, so only a stale state could name it
      if (dir.exists(CURRENT) && readCurrent().equals(name + "\n")) {
        throw new IllegalArgumentException("a state whose next file number " + number
            + " is the live manifest's: it is not the live state");
      }
      dir.delete(name);
    }
    ManifestWriter writer =
        ManifestWriter.create(dir, name, number, state.withNextFileNumber(number + 1));
    try {
      dir.delete(CURRENT_TEMP);
      try (WritableFile temp = dir.create(CURRENT_TEMP)) {
        temp.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
        temp.sync();
      }
      dir.rename(CURRENT_TEMP, CURRENT);
      dir.sync();
    } catch (IOException | RuntimeException e) {
      try {
        writer.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return writer;
  }

  /**
   * Files no longer needed: run files not in {@code live} whose number {@code stillUsed}
   * rejects (it keeps those an older version or snapshot still reads, and those a flush or
   * compaction is writing and has not yet recorded), manifests other than {@code
   * liveManifest}, and temporary files.
   */
  public List<String> obsoleteFiles(ManifestState live, long liveManifest,
      LongPredicate stillUsed) throws IOException {
    var liveIds = live.fileIds();
    List<String> obsolete = new ArrayList<>();
    for (String name : dir.list()) {
      long run = parseRunFileName(name);
      long manifest = parseManifestName(name);
      if ((run >= 0 && !liveIds.contains(run) && !stillUsed.test(run))
          || (manifest >= 0 && manifest != liveManifest)
          || name.endsWith(TEMP_SUFFIX)) {
        obsolete.add(name);
      }
    }
    return obsolete;
  }

  /** Deletes {@code names}, then syncs the directory so the deletions last. */
  public void deleteFiles(List<String> names) throws IOException {
    for (String name : names) {
      dir.delete(name);
    }
    dir.sync();
  }
}
