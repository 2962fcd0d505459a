package dev.weir.reactive.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  @Test
  void cutsAnyStreamIntoFullChunksAndOneShortLast() {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    for (int round = 0; round < 100; round++) {
      int chunk = 1 + r.nextInt(100_000);
      byte[] data = new byte[r.nextInt(300_000)];
      r.nextBytes(data);
      EtagAlgorithm etag = EtagAlgorithm.values()[round % EtagAlgorithm.values().length];
      Chunker c = new Chunker(chunk, etag);
      List<Chunker.Chunk> out = new ArrayList<>();
      for (int at = 0; at < data.length; ) {
        int n = Math.min(data.length - at, 1 + r.nextInt(chunk * 2));
        out.addAll(c.accept(ByteBuffer.wrap(data, at, n)));
        at += n;
      }
      out.addAll(c.finish());
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (int i = 0; i < out.size(); i++) {
        assertEquals(i, out.get(i).index(), "seed=" + seed);
        int len = out.get(i).bytes().length();
        assertEquals(i < out.size() - 1 ? chunk : len, len, "seed=" + seed);
        joined.writeBytes(out.get(i).bytes().toByteArray());
      }
      assertArrayEquals(data, joined.toByteArray(), "seed=" + seed);
      Blob blob = c.result(ContentHashTest.BLOB_ID);
      assertEquals(data.length, blob.size());
      assertEquals(ContentHashTest.hexOf(etag, data), blob.etag(), "seed=" + seed);
      assertEquals(ContentHashTest.crc32c(data), blob.crc32c(), "seed=" + seed);
    }
  }

  @Test
  void wholeChunksOfHeapDirectAndReadOnlyBuffersAreCopied() {
    byte[] data = new byte[10];
    new Random(3).nextBytes(data);
    ByteBuffer direct = ByteBuffer.allocateDirect(10).put(data).flip();
    ByteBuffer offset = ByteBuffer.wrap(new byte[14], 2, 10).slice().put(data).flip();
    for (ByteBuffer b : List.of(ByteBuffer.wrap(data), direct, offset, offset.asReadOnlyBuffer())) {
      Chunker c = new Chunker(4, EtagAlgorithm.MD5);
      List<Chunker.Chunk> out = new ArrayList<>(c.accept(b));
      out.addAll(c.finish());
      assertEquals(0, b.position());
      assertEquals(3, out.size());
      assertArrayEquals(java.util.Arrays.copyOfRange(data, 4, 8), out.get(1).bytes().toByteArray());
      assertEquals(ContentHashTest.hexOf(EtagAlgorithm.MD5, data), c.result(ContentHashTest.BLOB_ID).etag());
    }
  }

  @Test
  void theCallersBufferIsCopiedAndItsPositionKept() {
    Chunker c = new Chunker(4, EtagAlgorithm.METRO_128);
    ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
    List<Chunker.Chunk> out = c.accept(b);
    assertEquals(0, b.position());
    b.put(0, (byte) 9);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, out.get(0).bytes().toByteArray());
    assertArrayEquals(new byte[] {5}, c.finish().get(0).bytes().toByteArray());
  }
}
