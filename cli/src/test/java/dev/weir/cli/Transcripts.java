package dev.weir.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The demo's checked-in transcript, and what two transcripts may differ in. */
final class Transcripts {

  /**
   * A simple put's ETag (32 hex digits without a part count): by default it names the stored
   * version, drawn anew on every run. A multipart ETag ({@code -N}) is an MD5 and stays.
   */
  private static final Pattern VERSION_ETAG = Pattern.compile("\\b[0-9a-f]{32}\\b(?!-)");

  private Transcripts() {}

  /** {@code cli/src/test/resources/demo.expected}. */
  static String demoExpected() throws IOException {
    try (InputStream in = Transcripts.class.getResourceAsStream("/demo.expected")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code transcript} with every simple put's ETag replaced by {@code <etag>}. */
  static String withoutVersionEtags(String transcript) {
    return VERSION_ETAG.matcher(transcript).replaceAll("<etag>");
  }
}
