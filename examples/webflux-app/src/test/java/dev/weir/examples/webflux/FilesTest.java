package dev.weir.examples.webflux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Files up- and downloaded over loopback HTTP, whole and by {@code Range}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class FilesTest {

  /** Over one stored chunk (1 MiB), so ranges cross a chunk boundary. */
  private static final byte[] CONTENT = new byte[(1 << 20) + 4_321];

  static {
    new Random(17).nextBytes(CONTENT);
  }

  @Value("${local.server.port}")
  int port;

  WebTestClient client;

  @BeforeEach
  void uploadTheFile() {
    client = WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .codecs(c -> c.defaultCodecs().maxInMemorySize(4 << 20))
        .build();
    client.put().uri("/files/docs/report.bin")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(CONTENT)
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.key").isEqualTo("docs/report.bin")
        .jsonPath("$.size").isEqualTo(CONTENT.length);
  }

  @Test
  void aDownloadWithoutRangeIsTheWholeFile() {
    byte[] body = client.get().uri("/files/docs/report.bin").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
        .expectHeader().contentLength(CONTENT.length)
        .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertArrayEquals(CONTENT, body);
  }

  @Test
  void aRangeIsPartialContent() {
    expectRange("bytes=1000-1999", 1000, 1999);
  }

  @Test
  void aRangeAcrossTheChunkBoundary() {
    expectRange("bytes=1048570-1048589", 1_048_570, 1_048_589);
  }

  @Test
  void anOpenEndedRangeRunsToTheEnd() {
    expectRange("bytes=1048000-", 1_048_000, CONTENT.length - 1);
  }

  @Test
  void aSuffixRangeIsTheLastBytes() {
    expectRange("bytes=-500", CONTENT.length - 500, CONTENT.length - 1);
  }

  @Test
  void aRangePastTheEndIsNotSatisfiable() {
    client.get().uri("/files/docs/report.bin").header(HttpHeaders.RANGE, "bytes=5000000-")
        .exchange()
        .expectStatus().isEqualTo(416)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + CONTENT.length);
  }

  @Test
  void anUnknownFileIsNotFound() {
    client.get().uri("/files/docs/missing.bin").exchange().expectStatus().isNotFound();
  }

  private void expectRange(String range, int first, int last) {
    byte[] body = client.get().uri("/files/docs/report.bin").header(HttpHeaders.RANGE, range)
        .exchange()
        .expectStatus().isEqualTo(206)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE,
            "bytes " + first + "-" + last + "/" + CONTENT.length)
        .expectHeader().contentLength(last - first + 1)
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertArrayEquals(Arrays.copyOfRange(CONTENT, first, last + 1), body);
  }
}
