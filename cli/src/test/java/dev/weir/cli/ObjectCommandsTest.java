package dev.weir.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The object commands on the default bucket and others, with their errors. */
class ObjectCommandsTest {

  private static final String HELLO = "hello, objects\n";

  private final ShellDriver.Lines shell = new ShellDriver.Lines();
  private final Path hello = TestFiles.text("hello.txt", HELLO);

  @AfterEach
  void close() {
    shell.close();
  }

  private String upload(String target) {
    return shell.run("upload " + hello + " " + target);
  }

  @Test
  void makeListAndRemoveBuckets() {
    assertEquals("made bucket photos\n", shell.run("mb photos"));
    upload("photos/a.txt");
    assertEquals(String.join("\n",
        "+---------+---------+-------+",
        "| bucket  | objects | bytes |",
        "+---------+---------+-------+",
        "| default |       0 |     0 |",
        "| photos  |       1 |    15 |",
        "+---------+---------+-------+",
        "2 buckets", ""), shell.run("ls"));
    assertTrue(shell.run("rb photos").startsWith("error: invalid argument: "));
    shell.run("rm photos/a.txt");
    assertEquals("removed bucket photos\n", shell.run("rb photos"));
    assertEquals("error: not found (bucket): no such bucket: photos\n", shell.run("rb photos"));
    assertTrue(shell.run("mb No_Good").startsWith("error: invalid argument: "));
  }

  @Test
  void uploadThenCat() {
    String uploaded = upload("default/docs/");
    assertTrue(uploaded.startsWith("uploaded default/docs/hello.txt: 15 bytes, etag "), uploaded);
    assertEquals(HELLO, shell.run("cat default/docs/hello.txt"));
    assertEquals("hello\n", shell.run("cat default/docs/hello.txt 0 5"));
    assertEquals("objects\n", shell.run("cat default/docs/hello.txt 7"));
    assertEquals("", shell.run("cat default/docs/hello.txt 100"));
  }

  @Test
  void aFileLargerThanOnePartIsAMultipartUpload() {
    byte[] bytes = new byte[10_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Path file = TestFiles.file("blob.bin", bytes);
    String uploaded = shell.run("upload " + file + " default/blob --part-size 4KiB");
    assertTrue(uploaded.matches("uploaded default/blob: 10000 bytes in 3 parts,"
        + " etag [0-9a-f]{32}-3\n"), uploaded);
    assertEquals("10000", field(shell.run("head default/blob"), "size"));
    assertEquals("application/octet-stream", field(shell.run("head default/blob"), "contentType"));
    Path out = TestFiles.dir().resolve("back.bin");
    assertEquals("wrote 10000 bytes to " + out + "\n",
        shell.run("cat default/blob --out " + out));
    assertArrayEquals(bytes, read(out));
    assertEquals("objects=1 bytes=10000", compact("du default"));
  }

  @Test
  void binaryContentIsAHexDump() {
    Path file = TestFiles.file("b.bin", new byte[] {0, 1, 'A', (byte) 0xff});
    shell.run("upload " + file + " default/b.bin");
    // As hexdump -C prints it; offsets count from the start of the object.
    assertEquals("00000000  00 01 41 ff                                       |..A.|\n",
        shell.run("cat default/b.bin"));
    assertEquals("00000001  01 41                                             |.A|\n",
        shell.run("cat default/b.bin 1 2"));
    assertEquals("A\n", shell.run("cat default/b.bin 2 1")); // a printable range is text
  }

  @Test
  void listShowsPrefixesThenObjects() {
    upload("default/a/one.txt");
    upload("default/a/two.txt");
    upload("default/b.txt");
    String etag = field(shell.run("head default/b.txt"), "etag");
    shell.run(".format compact");
    assertTrue(etag.matches("[0-9a-f]{32}"), etag);
    assertEquals("a/ - - -\nb.txt 15 " + etag + " text/plain\n", shell.run("ls default"));
    assertTrue(shell.run("ls default/a/").matches(
        "a/one.txt 15 [0-9a-f]{32} text/plain\na/two.txt 15 [0-9a-f]{32} text/plain\n"));
    assertEquals(3, shell.run("ls default --recursive").lines().count());
    shell.run(".format table");
    assertTrue(shell.run("ls default").endsWith("\n1 object, 1 prefix\n"));
    assertEquals("0 objects\n", shell.run("ls default/none/"));
  }

  @Test
  void copyMoveAndRemove() {
    upload("default/a.txt");
    assertEquals("copied default/a.txt to default/b.txt (15 bytes)\n",
        shell.run("cp default/a.txt default/b.txt"));
    shell.run("mb other");
    assertEquals("copied default/a.txt to other/c.txt (15 bytes)\n",
        shell.run("cp default/a.txt other/c.txt"));
    assertEquals(HELLO, shell.run("cat other/c.txt"));
    assertEquals("moved default/b.txt to default/dir/b.txt\n",
        shell.run("mv default/b.txt default/dir/b.txt"));
    assertEquals("moved 1 object\n", shell.run("mv default/dir/ default/archive/"));
    assertEquals(HELLO, shell.run("cat default/archive/b.txt"));
    assertEquals("deleted: 1\n", shell.run("rm default/a.txt"));
    assertEquals("deleted: 1\n", shell.run("rm -r default/archive/"));
    assertEquals("0 objects\n", shell.run("ls default"));
  }

  @Test
  void missingBucketsAndObjectsAreNotFoundLines() {
    assertEquals("error: not found (object): no such object: default/nope\n",
        shell.run("cat default/nope"));
    assertEquals("error: not found (object): no such object: default/nope\n",
        shell.run("rm default/nope"));
    assertEquals("error: not found (bucket): no such bucket: nobucket\n",
        shell.run("ls nobucket"));
    assertTrue(shell.run("head default/nope").startsWith("error: not found (object): "));
    assertTrue(shell.run("du nobucket").startsWith("error: not found (bucket): "));
    assertTrue(upload("nobucket/x").startsWith("error: not found (bucket): "));
    assertTrue(shell.run("cp default/nope default/x").startsWith("error: not found (object): "));
  }

  @Test
  void badArgumentsAreOneLine() {
    upload("default/a.txt");
    assertTrue(shell.run("cat default/a.txt -1").startsWith("error: invalid argument: "));
    assertTrue(shell.run("cat default/a.txt 0 -5").startsWith("error: invalid argument: "));
    assertEquals("error: bad offset 'x': expected a whole number\n",
        shell.run("cat default/a.txt x"));
    assertEquals("error: 'default' names no object: expected <bucket>/<key>\n",
        shell.run("cat default"));
    assertEquals("error: unknown option '--bogus': usage: " + ObjectCommands.LS_USAGE + "\n",
        shell.run("ls default --bogus"));
    assertEquals("error: --part-size must be a size such as 65536, 512KiB, 64MiB or 1GiB, was '5XB'\n",
        shell.run("upload " + hello + " default/x --part-size 5XB"));
    assertEquals("error: cannot read /no/such/file: no such file or directory\n",
        shell.run("upload /no/such/file default/x"));
    assertTrue(shell.run("mv default/a.txt other/a.txt").startsWith("error: mv stays within"));
    assertTrue(shell.run("mv default/a/ default/b").startsWith("error: mv of a prefix needs"));
  }

  @Test
  void aFailedCatOutLeavesTheFileAlone() throws IOException {
    Path out = TestFiles.text("keep.txt", "mine");
    assertTrue(shell.run("cat default/nope --out " + out).startsWith("error: not found"));
    assertEquals("mine", Files.readString(out));
  }

  @Test
  void objectKeysStayOutOfTheKeyValueCommands() {
    shell.run("put k v");
    upload("default/a.txt");
    assertEquals("count: 1\n", shell.run("count"));
    assertTrue(shell.run("scan \"\"").endsWith("\n1 entry\n"));
    shell.run(".format compact");
    assertEquals("k=v\n", shell.run("range - -"));
    assertEquals("k=v\n", shell.run("range - - 5 reverse"));
    assertTrue(shell.run("put 0x006f01 x").startsWith("error: keys under 0x006f belong"));
    assertTrue(shell.run("delprefix \"\"").startsWith("error: delprefix \"\" would delete"));
    shell.run("batch");
    assertTrue(shell.run("del 0x006f").startsWith("error: keys under 0x006f"));
    shell.run("abort");
    assertEquals(HELLO, shell.run("cat default/a.txt"));
  }

  @Test
  void tableKeysStayOutOfTheKeyValueCommands() {
    shell.run("put k v");
    shell.run("table create users pk:S gsi by-name name:S");
    shell.run("INSERT INTO users VALUE {'pk': 'u1', 'name': 'Ada'};");
    assertEquals("count: 1\n", shell.run("count"));
    shell.run(".format compact");
    assertEquals("k=v\n", shell.run("range - -"));
    assertEquals("k=v\n", shell.run("range - - 5 reverse"));
    assertEquals("k=v\n", shell.run("range 0x00 -"));
    assertTrue(shell.run("put 0x005401 x")
        .startsWith("error: keys under 0x0054 belong to the tables"));
    assertTrue(shell.run("del 0x0074")
        .startsWith("error: keys under 0x0074 belong to the tables"));
    assertTrue(shell.run("delprefix 0x0054").startsWith("error: delprefix"));
    assertTrue(shell.run("SELECT * FROM users WHERE pk = 'u1';").contains("Ada"));
  }

  @Test
  void objectCommandsAreRefusedInABatch() {
    shell.run("batch");
    assertEquals("error: ls cannot run inside a batch: end or abort the batch first\n",
        shell.run("ls"));
  }

  private String compact(String line) {
    shell.run(".format compact");
    String out = shell.run(line).strip();
    shell.run(".format table");
    return out;
  }

  private static String field(String fields, String name) {
    return fields.lines().filter(l -> l.startsWith(name + " "))
        .map(l -> l.substring(name.length()).strip()).findFirst().orElse("(none)");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
