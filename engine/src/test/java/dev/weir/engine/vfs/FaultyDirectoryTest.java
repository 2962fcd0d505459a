package dev.weir.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultyDirectoryTest {

  @TempDir Path tmp;

  private static ByteBuffer bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i + 1);
    }
    return ByteBuffer.wrap(b);
  }

  @Test
  void aShortWriteLeavesItsPrefixInTheFileAndFails() throws IOException {
    FaultyDirectory dir = new FaultyDirectory(LocalDirectory.open(tmp));
    dir.shortWrite(1, 3);
    try (WritableFile f = dir.create("f")) {
      f.write(bytes(4));
      assertThrows(IOException.class, () -> f.write(bytes(10)));
      f.write(bytes(2)); // a one-shot fault
    }
    assertArrayEquals(new byte[] {1, 2, 3, 4, 1, 2, 3, 1, 2}, Files.readAllBytes(tmp.resolve("f")));
  }

  @Test
  void aFullDiskWritesWhatFitsThenFailsWithNoSpaceLeft() throws IOException {
    FaultyDirectory dir = new FaultyDirectory(LocalDirectory.open(tmp));
    try (WritableFile f = dir.create("f")) {
      dir.limitSpace(6);
      f.write(bytes(4));
      assertThrows(NoSpaceLeftException.class, () -> f.write(bytes(4)));
      assertEquals(6, f.size());
      f.truncate(2); // frees four bytes
      f.write(bytes(4));
      assertThrows(NoSpaceLeftException.class, () -> f.write(bytes(1)));
    }
  }

  @Test
  void armedFaultsStrikeTheNthOperationOnly() throws IOException {
    FaultyDirectory dir = new FaultyDirectory(LocalDirectory.open(tmp));
    dir.failSync(2);
    dir.failWrite(1);
    try (WritableFile f = dir.create("f")) {
      f.write(bytes(1));
      assertThrows(IOException.class, () -> f.write(bytes(1)));
      f.write(bytes(1));
      f.sync();
      f.sync();
      assertThrows(IOException.class, f::sync);
      f.sync();
    }
    assertEquals(3, dir.writes());
    assertEquals(4, dir.syncs());
  }
}
