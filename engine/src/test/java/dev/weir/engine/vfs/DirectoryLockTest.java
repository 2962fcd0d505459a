package dev.weir.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.StoreLockedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

  @TempDir Path tmp;

  @Test
  void aSecondOpenInThisProcessFailsWithStoreLockedAndChangesNothing() throws Exception {
    Files.writeString(tmp.resolve("000001.wal"), "the owner's log");
    try (DirectoryLock owner = DirectoryLock.acquire(LocalDirectory.open(tmp))) {
      StoreLockedException e = assertThrows(StoreLockedException.class,
          () -> DirectoryLock.acquire(LocalDirectory.open(tmp)));
      assertTrue(e.getMessage().contains(tmp.toRealPath().toString()), e.getMessage());
      assertEquals("the owner's log", Files.readString(tmp.resolve("000001.wal")));
    }
  }

  @Test
  void theDirectoryOpensAgainOnceItsOwnerCloses() throws Exception {
    DirectoryLock first = DirectoryLock.acquire(LocalDirectory.open(tmp));
    first.close();
    first.close(); // a second close does nothing
    DirectoryLock.acquire(LocalDirectory.open(tmp)).close();
  }

  /**
   * A refused second open in this JVM must not release the owner's operating-system lock (POSIX
   * drops a process's locks when any descriptor of the file closes): another process still
   * finds the directory locked.
   */
  @Test
  void anotherProcessFindsTheDirectoryLockedEvenAfterARefusedOpenHere() throws Exception {
    try (DirectoryLock owner = DirectoryLock.acquire(LocalDirectory.open(tmp))) {
      assertThrows(StoreLockedException.class,
          () -> DirectoryLock.acquire(LocalDirectory.open(tmp)));
      assertEquals("locked", lockFromAnotherProcess());
    }
    assertEquals("acquired", lockFromAnotherProcess());
  }

  private String lockFromAnotherProcess() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockProbe.class.getName(), tmp.toString())
        .redirectErrorStream(true)
        .start();
    List<String> lines;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      lines = out.lines().toList();
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not exit");
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** Tries to lock the directory in its own JVM; prints what happened. */
  public static final class LockProbe {
    public static void main(String[] args) throws Exception {
      try (DirectoryLock lock = DirectoryLock.acquire(LocalDirectory.open(Path.of(args[0])))) {
        System.out.println("acquired");
      } catch (StoreLockedException e) {
        System.out.println("locked");
      }
    }
  }
}
