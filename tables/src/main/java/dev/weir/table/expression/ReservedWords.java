package dev.weir.table.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words, which a bare attribute name in an expression may not be, in any case.
 * The list (573 words) lives in {@code reserved-words.txt} beside this class and is read once,
 * when the class is first used; {@code TablesBlockHoundIntegration} allows that one read.
 */
final class ReservedWords {
  static final String RESOURCE = "reserved-words.txt";

  private static final Set<String> WORDS = load();

  private ReservedWords() {}

  static boolean isReserved(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  static int count() {
    return WORDS.size();
  }

  /** Reads the list; a missing resource is a broken build, not a user error. */
  static Set<String> load() {
    try (InputStream in = ReservedWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.trim();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toUpperCase(Locale.ROOT));
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
