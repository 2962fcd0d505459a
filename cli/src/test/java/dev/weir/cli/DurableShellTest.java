package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.cli.ShellDriver.Run;
import dev.weir.reactive.Weir;
import dev.weir.reactive.WeirStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir shell DIR}: a durable store in a directory, kept from one session to the next;
 * one session at a time; a damaged log refused unless salvaged.
 */
class DurableShellTest {

  @TempDir Path tmp;

  @Test
  void aSecondSessionReadsWhatTheFirstWrote() {
    Path data = tmp.resolve("data"); // absent: the first session creates it
    Path hello = TestFiles.text("hello.txt", "hello, disk\n");
    Run first = ShellDriver.script("""
        put city:1 oslo
        put city:2 lima
        ttl session:1 token 1h
        upload %s default/docs/
        """.formatted(hello), data.toString());
    assertEquals(0, first.exitCode(), first.err());

    Run second = ShellDriver.script("""
        .format compact
        scan city:
        get session:1
        cat default/docs/hello.txt
        du default
        """, data.toString());
    assertEquals(new Run(0, """
        format compact
        city:1=oslo
        city:2=lima
        token
        hello, disk
        objects=1 bytes=12
        """, ""), second);
  }

  @Test
  void aFileDsnAndSyncOptionsOpenTheSameStore() {
    Path data = tmp.resolve("data");
    assertEquals(new Run(0, "OK\n", ""),
        ShellDriver.script("put a 1\n", "--sync", "PT1S", data.toString()));
    assertEquals(new Run(0, "1\n", ""),
        ShellDriver.script("get a\n", "--sync", "none", "file://" + data));
  }

  /** One owner per directory: a second shell is one line and exit code 1, and no harm. */
  @Test
  void aDirectoryHeldOpenIsATypedErrorAndAFailure() {
    Path data = tmp.resolve("data");
    WeirStore holder = Await.value(Weir.open("file://" + data + "?bucket=default"));
    try {
      Run run = ShellDriver.script("put a 1\n", data.toString());
      assertEquals(Shell.FAILED, run.exitCode());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("error: cannot open store '" + data + "': store locked: "
          + "the store in " + data + " is already open"), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    } finally {
      Await.value(holder.close());
    }
    // Closed, the lock is released.
    assertEquals(new Run(0, "(nil)\n", ""), ShellDriver.script("get a\n", data.toString()));
  }

  @Test
  void aDamagedLogIsRefusedWithAdviceAndOpensWithSalvage() throws IOException {
    Path data = tmp.resolve("data");
    assertEquals(0, ShellDriver.script("put a 1\nput b 2\nput c 3\n", data.toString())
        .exitCode());
    flipLastByteOfFirstRecord(data.resolve("000001.wal"));

    Run refused = ShellDriver.script("get c\n", data.toString());
    assertEquals(Shell.FAILED, refused.exitCode());
    assertTrue(refused.err().startsWith("error: cannot open store '" + data + "': corruption: "
        + "corrupt "), refused.err());
    assertTrue(refused.err().endsWith("; to open it anyway, keeping the log's valid prefix:"
        + " --salvage\n"), refused.err());

    // The damaged record is the first (the bucket default): nothing before it survives.
    assertEquals(new Run(0, "(nil)\n", ""),
        ShellDriver.script("get c\n", "--salvage", data.toString()));
  }

  /** Checked before anything opens: usage errors, exit code 2. */
  @Test
  void durableOptionsNeedADurableStore() {
    assertUsage("--sync needs a durable store: a directory or a file:// DSN",
        "--sync", "always", ":memory:");
    assertUsage("--salvage needs a durable store: a directory or a file:// DSN",
        "--salvage", "mem://x");
    assertUsage("bad --sync: sync must be always, none or a positive ISO-8601 interval such as"
        + " PT1S, was 'sometimes'", "--sync", "sometimes", tmp.toString());
    Run serve = ShellDriver.command(Weir::open, "", "serve", "--salvage");
    assertEquals(2, serve.exitCode());
    assertTrue(serve.err().startsWith("error: --salvage needs --dir\n"), serve.err());
  }

  private static void assertUsage(String message, String... args) {
    Run run = ShellDriver.script("", args);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: " + message + "\n"), run.err());
  }

  /** A checksum mismatch in the log's first record, with records after it: not a torn tail. */
  private static void flipLastByteOfFirstRecord(Path segment) throws IOException {
    byte[] bytes = Files.readAllBytes(segment);
    int payload = ByteBuffer.wrap(bytes).getInt(0); // the frame's length field
    bytes[16 + payload - 1] ^= 0x01; // the 16-byte header, then the payload
    Files.write(segment, bytes);
  }
}
